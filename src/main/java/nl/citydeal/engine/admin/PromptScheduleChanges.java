package nl.citydeal.engine.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptPlanning;
import nl.citydeal.engine.prompt.PromptRuleTables;
import nl.citydeal.engine.prompt.PromptRules;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.PromptStretch;
import nl.citydeal.engine.prompt.Prompts;

/**
 * What a changed prompt schedule does to the running deals, before and when it is deployed. For every deal in the
 * experimentation phase it plans the deal's current stretch (from the signing or the start of its extension to the
 * end, {@link PromptPlanning#stretches}) with the schedule's rules by {@link PromptSchedule#plan(java.time.LocalDate,
 * java.time.LocalDate, PromptRules)}, the computation the engine plans with, and compares the dates of the prompts
 * still to come with the deal's prompts as they stand. On deployment the same comparison with the deployed table is
 * carried out: the deals' prompts are planned again ({@link PromptPlanning#plan}: timers, tasks and the prompt log)
 * and each deal records the move in its decisions.
 */
@Service
public class PromptScheduleChanges {

    private static final int BATCH = 500;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final PromptPlanning planning;
    private final PromptRules deployedRules;
    private final PromptRuleTables tables;
    private final Prompts prompts;
    private final DealRegistry registry;
    private final Clock clock;

    public PromptScheduleChanges(
            PromptPlanning planning,
            PromptRules deployedRules,
            PromptRuleTables tables,
            Prompts prompts,
            DealRegistry registry,
            Clock clock) {
        this.planning = planning;
        this.deployedRules = deployedRules;
        this.tables = tables;
        this.prompts = prompts;
        this.registry = registry;
        this.clock = clock;
    }

    /** Which prompts the schedule of this (not deployed) DMN file would move; empty when it holds no schedule. */
    public Optional<PromptMoves> preview(byte[] dmn) {
        return tables.read(dmn)
                .map(rules ->
                        PromptMoves.of(moves(rules).stream().map(Moves::deal).toList()));
    }

    /**
     * The prompt schedule was just deployed (in this transaction): moves the prompts of every running deal as the
     * preview said, records the move on each deal that has one, and answers what moved.
     */
    public PromptMoves apply(String actor, String version) {
        List<Moves> moves = moves(deployedRules);
        for (Moves deal : moves) {
            planning.plan(deal.stretch().processInstanceId(), deal.stretch().dealId());
            registry.recordPromptsRescheduled(deal.stretch().dealId(), describe(deal.deal(), version), actor);
        }
        return PromptMoves.of(moves.stream().map(Moves::deal).toList());
    }

    /** One line per moved prompt, for the deal's decisions. */
    static String describe(DealPromptMoves deal, String version) {
        return "Nieuw herinneringsschema (%s): %s."
                .formatted(
                        version,
                        deal.moves().stream()
                                .map(move -> "%s van %s naar %s%s"
                                        .formatted(
                                                move.label(),
                                                move.from() == null ? "(geen datum)" : DAY.format(move.from()),
                                                DAY.format(move.to()),
                                                move.overdueAtOnce() ? " (meteen te laat)" : ""))
                                .collect(Collectors.joining("; ")));
    }

    private record Moves(PromptStretch stretch, DealPromptMoves deal) {}

    private List<Moves> moves(PromptRules rules) {
        Instant now = clock.instant();
        List<PromptStretch> stretches = planning.stretches();
        Map<String, List<Prompt>> open = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int first = 0; first < stretches.size(); first += BATCH) {
            List<String> ids = stretches.subList(first, Math.min(stretches.size(), first + BATCH)).stream()
                    .map(PromptStretch::dealId)
                    .toList();
            prompts.openForDeals(ids)
                    .forEach(prompt -> open.computeIfAbsent(prompt.getDealId(), id -> new ArrayList<>())
                            .add(prompt));
            registry.getAll(ids).forEach(deal -> names.put(deal.getId(), deal.getName()));
        }
        List<Moves> moves = new ArrayList<>();
        for (PromptStretch stretch : stretches) {
            PromptPlan plan = PromptSchedule.plan(stretch.from(), stretch.endsOn(), rules);
            List<PromptMove> moved = new ArrayList<>();
            for (PromptKind kind : PromptKind.values()) {
                if (kind.repeats() || !stretch.stillOpen().contains(kind)) {
                    continue;
                }
                Optional<Prompt> current = open.getOrDefault(stretch.dealId(), List.of()).stream()
                        .filter(prompt -> prompt.getKind() == kind)
                        .min(Comparator.comparing(Prompt::getDueAt));
                OffsetDateTime to = plan.dueAt(kind);
                if (current.isPresent() && current.get().getDueAt().equals(to.toInstant())) {
                    continue;
                }
                boolean overdueAtOnce = to.toInstant().isBefore(now)
                        && current.map(prompt -> prompt.getStatus() == PromptStatus.PLANNED
                                        || prompt.getDueAt().isAfter(now))
                                .orElse(true);
                moved.add(new PromptMove(
                        kind.name(),
                        kind.label(),
                        current.map(prompt -> prompt.getDueAt()
                                        .atZone(PromptSchedule.ZONE)
                                        .toOffsetDateTime())
                                .orElse(null),
                        to,
                        overdueAtOnce));
            }
            if (!moved.isEmpty()) {
                moves.add(new Moves(
                        stretch,
                        new DealPromptMoves(
                                stretch.dealId(), names.getOrDefault(stretch.dealId(), stretch.dealId()), moved)));
            }
        }
        moves.sort(Comparator.comparing((Moves m) -> m.deal().dealName())
                .thenComparing(m -> m.deal().dealId()));
        return moves;
    }
}
