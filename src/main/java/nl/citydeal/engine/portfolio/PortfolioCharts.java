package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.system.PersonNames;

/**
 * The portfolio in charts, over the deals a viewer sees (the overview's rule): how many deals stood in each phase at
 * the end of each of the last {@link #QUARTERS} quarters, the open prompts falling due in each of the next
 * {@link #MONTHS} months (the programme office's workload; the current month counts as the overview's "deze maand"),
 * the scaling routes chosen, and the overdue prompts per deal lead (overdue as everywhere: {@link Prompt#isOverdue}).
 * Everything is read {@link Portfolio#PROMPT_CHUNK} deals at a time.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioCharts {

    public static final int QUARTERS = 12;
    public static final int MONTHS = 12;

    /** The phases the phase chart shows: those of running deals (closed and abandoned ones left out). */
    static final List<DealPhase> RUNNING = Arrays.stream(DealPhase.values())
            .filter(phase -> phase != DealPhase.CLOSED && phase != DealPhase.ABANDONED)
            .toList();

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", PortfolioDates.DUTCH);

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final PersonNames personNames;
    private final Clock clock;

    PortfolioCharts(DealRegistry registry, Prompts promptLog, PersonNames personNames, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.personNames = personNames;
        this.clock = clock;
    }

    /** The charts over the deals a viewer sees (only those {@code onlyLead} leads or is a deputy of, when set). */
    public Charts of(String onlyLead) {
        Instant now = clock.instant();
        List<Deal> deals = registry.search(DealCriteria.ledBy(onlyLead), Pageable.unpaged(Sort.by("name", "id")))
                .getContent();
        List<PhaseHistory> histories = new ArrayList<>(deals.size());
        List<Prompt> open = new ArrayList<>();
        for (int from = 0; from < deals.size(); from += Portfolio.PROMPT_CHUNK) {
            List<Deal> chunk = deals.subList(from, Math.min(deals.size(), from + Portfolio.PROMPT_CHUNK));
            List<String> ids = chunk.stream().map(Deal::getId).toList();
            Map<String, List<DealDecision>> decisions = registry.decisionsOf(ids);
            chunk.forEach(
                    deal -> histories.add(PhaseHistory.of(deal, decisions.getOrDefault(deal.getId(), List.of()))));
            open.addAll(promptLog.openForDeals(ids));
        }
        Map<String, String> leadOf = new HashMap<>();
        deals.forEach(deal -> leadOf.put(deal.getId(), deal.getDealLead()));
        return new Charts(
                deals.size(),
                phasesPerQuarter(histories, now),
                promptsPerMonth(open, now),
                routes(registry.countPerRoute(onlyLead)),
                overduePerLead(open, leadOf, now));
    }

    /** How many deals stood in each running phase at the end of each quarter (the current one: now). */
    BarChart phasesPerQuarter(List<PhaseHistory> histories, Instant now) {
        LocalDate today = PortfolioDates.localDay(now);
        LocalDate currentQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<String> categories = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        for (int back = QUARTERS - 1; back >= 0; back--) {
            LocalDate start = currentQuarter.minusMonths(3L * back);
            Instant end = start.plusMonths(3)
                    .atStartOfDay(PromptSchedule.ZONE)
                    .toInstant()
                    .minusMillis(1);
            Instant moment = end.isAfter(now) ? now : end;
            categories.add("K%d\n%d".formatted((start.getMonthValue() - 1) / 3 + 1, start.getYear()));
            long[] counts = new long[RUNNING.size()];
            for (PhaseHistory history : histories) {
                history.at(moment).ifPresent(phase -> {
                    int index = RUNNING.indexOf(phase);
                    if (index >= 0) {
                        counts[index]++;
                    }
                });
            }
            values.add(Arrays.stream(counts).boxed().toList());
        }
        return new BarChart(
                BarChart.Orientation.VERTICAL,
                categories,
                RUNNING.stream().map(PortfolioCharts::phaseSeries).toList(),
                values,
                null,
                "");
    }

    /** Open prompts by the month they fall due, from the current month on (those overdue from before left out). */
    static BarChart promptsPerMonth(List<Prompt> open, Instant now) {
        YearMonth first = YearMonth.from(PortfolioDates.localDay(now));
        long[] counts = new long[MONTHS];
        for (Prompt prompt : open) {
            if (!prompt.isOpen()) {
                continue;
            }
            YearMonth due = YearMonth.from(PortfolioDates.localDay(prompt.getDueAt()));
            long index = first.until(due, ChronoUnit.MONTHS);
            if (index >= 0 && index < MONTHS) {
                counts[(int) index]++;
            }
        }
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            categories.add(MONTH.format(month.atDay(1)) + "\n" + month.getYear());
        }
        return BarChart.single(
                BarChart.Orientation.VERTICAL,
                categories,
                new BarChart.Series("Prompts", "series-prompts"),
                Arrays.stream(counts).boxed().toList(),
                null,
                "");
    }

    /** How many deals chose each route; every route, zero ones too. */
    static BarChart routes(Map<ScalingRoute, Long> counts) {
        return BarChart.single(
                BarChart.Orientation.HORIZONTAL,
                Arrays.stream(ScalingRoute.values()).map(ScalingRoute::label).toList(),
                new BarChart.Series("Deals", "series-routes"),
                Arrays.stream(ScalingRoute.values())
                        .map(route -> counts.getOrDefault(route, 0L))
                        .toList(),
                null,
                "");
    }

    /** The overdue prompts of the deals per deal lead (by name), most first; leads without any left out. */
    BarChart overduePerLead(List<Prompt> open, Map<String, String> leadOf, Instant now) {
        Map<String, Long> perLead = new HashMap<>();
        for (Prompt prompt : open) {
            String lead = leadOf.get(prompt.getDealId());
            if (lead != null && prompt.isOverdue(now)) {
                perLead.merge(lead, 1L, Long::sum);
            }
        }
        Set<String> leads = new HashSet<>(perLead.keySet());
        PersonNames.Names names = personNames.namesOf(leads);
        List<Map.Entry<String, Long>> ordered = perLead.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(entry -> names.of(entry.getKey())))
                .toList();
        return BarChart.single(
                BarChart.Orientation.HORIZONTAL,
                ordered.stream().map(entry -> names.of(entry.getKey())).toList(),
                new BarChart.Series("Achterstallige prompts", "series-overdue"),
                ordered.stream().map(Map.Entry::getValue).toList(),
                null,
                "");
    }

    static BarChart.Series phaseSeries(DealPhase phase) {
        return new BarChart.Series(phase.label(), "phase-" + phase.name().toLowerCase(Locale.ROOT));
    }

    /** The page's charts, over {@code deals} deals. */
    public record Charts(
            int deals, BarChart phasesPerQuarter, BarChart promptsPerMonth, BarChart routes, BarChart overduePerLead) {

        /** The overdue prompts of all the deals: the overview's number. */
        public long overdueTotal() {
            long total = 0;
            for (int i = 0; i < overduePerLead.categories().size(); i++) {
                total += overduePerLead.total(i);
            }
            return total;
        }
    }
}
