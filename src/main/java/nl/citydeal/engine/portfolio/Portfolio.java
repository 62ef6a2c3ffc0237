package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealOverviewQueries;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSelection;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.deal.Stall;
import nl.citydeal.engine.deal.Stalls;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;

/** The programme office's view over all deals (or a deal lead's over their own): where each stands, what is due. */
@Service
@Transactional(readOnly = true)
public class Portfolio {

    /** Deals whose prompts are read in one query: well under the databases' limits on parameters. */
    static final int PROMPT_CHUNK = 500;
    /** Deals per page of the overview. */
    public static final int PAGE_SIZE = 50;
    /** Deals a search selects at most; a search that matches more says so and asks for more words. */
    public static final int MAX_MATCHES = 1000;

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Clock clock;
    private final DealOverviewQueries overviewQueries;
    private final DealTextSearch textSearch;
    private final Stalls stalls;

    Portfolio(
            DealRegistry registry,
            Prompts promptLog,
            Clock clock,
            DealOverviewQueries overviewQueries,
            DealTextSearch textSearch,
            Stalls stalls) {
        this.stalls = stalls;
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
        this.overviewQueries = overviewQueries;
        this.textSearch = textSearch;
    }

    /** Each visible deal with its next open prompt and its overdue prompts, by name. */
    public List<DealLine> lines(String onlyLead) {
        return linesOf(
                registry.search(DealCriteria.ledBy(onlyLead), Pageable.unpaged(Sort.by("name", "id")))
                        .getContent(),
                clock.instant());
    }

    /**
     * One page of the overview: the deals the query selects (only those {@code onlyLead}, when set, leads or is a
     * deputy of)
     * in the query's order, {@link #PAGE_SIZE} at a time, on a time axis shared by the terms of all selected deals.
     * A page beyond the last shows the last. With a search, only the deals one of whose texts matches (at most
     * {@link #MAX_MATCHES}), each with where it matched.
     */
    public Overview overview(PortfolioQuery query, String onlyLead, int page) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(PromptSchedule.ZONE));
        if (onlyLead != null && query.dealLead() != null && !query.dealLead().equals(onlyLead)) {
            return new Overview(List.of(), TimeAxis.over(List.of(), today), 0, 0, 1, 0, Map.of(), false);
        }
        Set<String> matching = null;
        boolean capped = false;
        if (query.search() != null) {
            List<String> found = textSearch.matchingDeals(query.search(), onlyLead, MAX_MATCHES + 1);
            capped = found.size() > MAX_MATCHES;
            matching = Set.copyOf(capped ? found.subList(0, MAX_MATCHES) : found);
        }
        DealSelection selection = new DealSelection(
                new DealCriteria(
                        query.phase(),
                        query.theme(),
                        query.dealLead(),
                        query.overdueOnly(),
                        onlyLead,
                        query.scalingIntent(),
                        matching,
                        query.stalledOnly() ? stalls.cutoffs(now) : null),
                now);
        long total = overviewQueries.count(selection);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        List<String> ids = overviewQueries.ids(selection, query.order().dealOrder(), shown * PAGE_SIZE, PAGE_SIZE);
        Map<String, Deal> deals = new HashMap<>();
        registry.getAll(ids).forEach(deal -> deals.put(deal.getId(), deal));
        List<DealLine> lines =
                linesOf(ids.stream().map(deals::get).filter(Objects::nonNull).toList(), now);
        return new Overview(
                lines,
                TimeAxis.over(overviewQueries.termSpan(selection), today),
                promptLog.countOverdue(now, selection),
                shown,
                pages,
                total,
                query.search() == null ? Map.of() : textSearch.hits(query.search(), ids),
                capped);
    }

    /** The themes of the deals a viewer sees, as the theme filter's suggestions. */
    public List<String> themes(String onlyLead) {
        return registry.themes(onlyLead);
    }

    /** The deal leads of the deals a viewer sees, for the filter. */
    public List<String> dealLeads(String onlyLead) {
        return registry.dealLeads(onlyLead);
    }

    /** The deals with their open prompts, read for a chunk of deals at a time (not deal by deal). */
    private List<DealLine> linesOf(List<Deal> deals, Instant now) {
        Map<String, List<Prompt>> open = new HashMap<>();
        for (int from = 0; from < deals.size(); from += PROMPT_CHUNK) {
            List<String> ids = deals.subList(from, Math.min(deals.size(), from + PROMPT_CHUNK)).stream()
                    .map(Deal::getId)
                    .toList();
            promptLog
                    .openForDeals(ids)
                    .forEach(prompt -> open.computeIfAbsent(prompt.getDealId(), id -> new ArrayList<>())
                            .add(prompt));
        }
        Map<String, Stall> stalled = stalls.of(deals, now);
        List<DealLine> lines = new ArrayList<>(deals.size());
        for (Deal deal : deals) {
            List<Prompt> prompts = open.getOrDefault(deal.getId(), List.of());
            Optional<Prompt> next = prompts.stream().min(Comparator.comparing(Prompt::getDueAt));
            long overdue = prompts.stream().filter(p -> p.isOverdue(now)).count();
            lines.add(new DealLine(deal, next.orElse(null), overdue, stalled.get(deal.getId()), now));
        }
        return lines;
    }

    /** Counts over the portfolio (one lead's deals, when given), each counted by the database. */
    public Summary summary(String onlyLead) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(PromptSchedule.ZONE));
        Instant monthStart = month.atDay(1).atStartOfDay(PromptSchedule.ZONE).toInstant();
        Instant nextMonthStart =
                month.plusMonths(1).atDay(1).atStartOfDay(PromptSchedule.ZONE).toInstant();
        DealSelection leadsDeals = onlyLead == null ? null : new DealSelection(DealCriteria.ledBy(onlyLead), now);
        return new Summary(
                registry.countPerPhase(onlyLead),
                promptLog.countOpenDueBetween(monthStart, nextMonthStart, leadsDeals),
                promptLog.countOverdue(now, leadsDeals),
                registry.countPerRoute(onlyLead));
    }

    /** A deal in the overview; {@code stall} is null when the deal is not stalled. */
    public record DealLine(Deal deal, Prompt nextPrompt, long overduePrompts, Stall stall, Instant now) {

        public DealLine(Deal deal, Prompt nextPrompt, long overduePrompts) {
            this(deal, nextPrompt, overduePrompts, null, null);
        }

        public boolean stalled() {
            return stall != null;
        }

        /** Why the deal is stalled, in Dutch ("Opschalingsbesluit staat al 14 weken open"); null when it is not. */
        public String stallText() {
            return stall == null ? null : stall.text(now);
        }

        /** Whether the next open prompt's date has passed. */
        public boolean nextPromptOverdue() {
            return overduePrompts > 0 && nextPrompt != null;
        }

        /** The next open prompt's date (Europe/Amsterdam), or null. */
        public LocalDate nextPromptDueOn() {
            return nextPrompt == null ? null : PortfolioDates.localDay(nextPrompt.getDueAt());
        }
    }

    /**
     * A page of the overview: its deals in order, the time axis shared by all selected deals, the overdue prompts
     * among all of them, and which page of how many, of how many deals. With a search: per deal on the page where its
     * texts matched, and whether more deals matched than {@link #MAX_MATCHES} (those beyond are not selected).
     */
    public record Overview(
            List<DealLine> lines,
            TimeAxis axis,
            long overduePrompts,
            int page,
            int pages,
            long total,
            Map<String, SearchHit> hits,
            boolean capped) {

        public Overview {
            hits = Map.copyOf(hits);
        }

        /** The number (from 1) of the first deal on the page; 0 when there are none. */
        public long first() {
            return lines.isEmpty() ? 0 : (long) page * PAGE_SIZE + 1;
        }

        public long last() {
            return (long) page * PAGE_SIZE + lines.size();
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    /** Counts over the portfolio. */
    public record Summary(
            Map<DealPhase, Long> byPhase,
            long promptsDueThisMonth,
            long overduePrompts,
            Map<ScalingRoute, Long> routesChosen) {}
}
