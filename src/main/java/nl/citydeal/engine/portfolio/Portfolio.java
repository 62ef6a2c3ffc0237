package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptLog;
import nl.citydeal.engine.prompt.PromptSchedule;

/** The programme office's view over all deals (or a deal lead's over their own): where each stands, what is due. */
@Service
@Transactional(readOnly = true)
public class Portfolio {

    private final DealRegistry registry;
    private final PromptLog promptLog;
    private final Clock clock;

    public Portfolio(DealRegistry registry, PromptLog promptLog, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
    }

    /** Each visible deal with its next open prompt and its overdue prompts. */
    public List<DealLine> lines(String onlyLead) {
        Instant now = clock.instant();
        List<DealLine> lines = new ArrayList<>();
        for (Deal deal : registry.search(new DealCriteria(null, null, onlyLead, false),
                PageRequest.of(0, 10_000, Sort.by("name"))).getContent()) {
            lines.add(line(deal, now));
        }
        return lines;
    }

    /**
     * The overview page: the deals the query selects (a deal lead's own only, when {@code onlyLead} is set) in the
     * query's order, on a time axis shared by their terms.
     */
    public Overview overview(PortfolioQuery query, String onlyLead) {
        Instant now = clock.instant();
        String lead = onlyLead != null ? onlyLead : query.dealLead();
        if (onlyLead != null && query.dealLead() != null && !query.dealLead().equals(onlyLead)) {
            return new Overview(List.of(), TimeAxis.over(List.of(), LocalDate.now(clock.withZone(PromptSchedule.ZONE))), 0);
        }
        List<DealLine> lines = new ArrayList<>();
        for (Deal deal : registry.search(new DealCriteria(query.phase(), query.theme(), lead, query.overdueOnly()),
                PageRequest.of(0, 10_000, Sort.by("name", "id"))).getContent()) {
            lines.add(line(deal, now));
        }
        lines.sort(order(query.order()));
        List<LocalDate> dates = new ArrayList<>();
        lines.forEach(line -> {
            dates.add(line.deal().getSignedOn());
            dates.add(line.deal().getEndsOn());
        });
        long overdue = lines.stream().mapToLong(DealLine::overduePrompts).sum();
        return new Overview(lines, TimeAxis.over(dates, LocalDate.now(clock.withZone(PromptSchedule.ZONE))), overdue);
    }

    /** The deal leads of the deals a viewer sees, for the filter. */
    public List<String> dealLeads(String onlyLead) {
        return registry.search(new DealCriteria(null, null, onlyLead, false), PageRequest.of(0, 10_000, Sort.by("dealLead")))
                .getContent().stream().map(Deal::getDealLead).filter(Objects::nonNull).distinct().toList();
    }

    private DealLine line(Deal deal, Instant now) {
        List<Prompt> prompts = promptLog.forDeal(deal.getId());
        Optional<Prompt> next = prompts.stream().filter(Prompt::isOpen).min(Comparator.comparing(Prompt::getDueAt));
        long overdue = prompts.stream().filter(p -> p.isOverdue(now)).count();
        return new DealLine(deal, next.orElse(null), overdue);
    }

    private static Comparator<DealLine> order(PortfolioQuery.Order order) {
        Comparator<DealLine> byName = Comparator.comparing(line -> line.deal().getName(), String.CASE_INSENSITIVE_ORDER);
        return switch (order) {
            case NAME -> byName;
            case PHASE -> Comparator.<DealLine, DealPhase>comparing(line -> line.deal().getPhase()).thenComparing(byName);
            case NEXT_PROMPT -> Comparator.comparing((DealLine line) -> line.nextPrompt() == null ? null : line.nextPrompt().getDueAt(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
            case END_DATE -> Comparator.comparing((DealLine line) -> line.deal().getEndsOn(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
        };
    }

    public Summary summary(String onlyLead) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(PromptSchedule.ZONE));
        Map<DealPhase, Long> byPhase = new EnumMap<>(DealPhase.class);
        Map<ScalingRoute, Long> routes = new EnumMap<>(ScalingRoute.class);
        long dueThisMonth = 0;
        long overdue = 0;
        for (DealLine line : lines(onlyLead)) {
            byPhase.merge(line.deal().getPhase(), 1L, Long::sum);
            line.deal().getRoutes().forEach(route -> routes.merge(route, 1L, Long::sum));
            for (Prompt prompt : promptLog.forDeal(line.deal().getId())) {
                LocalDate due = prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate();
                if (prompt.isOpen() && YearMonth.from(due).equals(month)) {
                    dueThisMonth++;
                }
                if (prompt.isOverdue(now)) {
                    overdue++;
                }
            }
        }
        return new Summary(byPhase, dueThisMonth, overdue, routes);
    }

    /** A deal in the overview. */
    public record DealLine(Deal deal, Prompt nextPrompt, long overduePrompts) {

        /** Whether the next open prompt's date has passed. */
        public boolean nextPromptOverdue() {
            return overduePrompts > 0 && nextPrompt != null;
        }

        /** The next open prompt's date (Europe/Amsterdam), or null. */
        public LocalDate nextPromptDueOn() {
            return nextPrompt == null ? null : PortfolioDates.localDay(nextPrompt.getDueAt());
        }
    }

    /** The overview: its deals in order, their shared time axis, and the overdue prompts among them. */
    public record Overview(List<DealLine> lines, TimeAxis axis, long overduePrompts) {
    }

    /** Counts over the portfolio. */
    public record Summary(Map<DealPhase, Long> byPhase, long promptsDueThisMonth, long overduePrompts,
                          Map<ScalingRoute, Long> routesChosen) {
    }
}
