package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.system.InvalidInputException;

/**
 * The yearly report of the portfolio for Agenda Stad: the deals that ran in a chosen year, each with its phase, term,
 * participants, scaling readiness, chosen routes and lessons, and the totals per phase and per route.
 *
 * <p>A deal belongs to a year when it ran in it ({@link #period}): from the day it was registered (or the day it was
 * signed, when that was earlier: a running deal taken in) up to the end date of its term. A deal without a term (not
 * signed yet) runs up to today while it is being prepared or signed; an abandoned deal up to the day it was abandoned.
 * The phase is where the deal stands now, not where it stood at the end of the year.
 */
@Service
@Transactional(readOnly = true)
public class YearReport {

    /** The first year a report can be asked for. */
    public static final int FIRST_YEAR = 2000;
    /** How many years ahead of the current one a report can be asked for (terms end up to six years ahead). */
    public static final int YEARS_AHEAD = 10;

    public static final String FIELD = "year";

    /** What counts for a year, as the page and the spreadsheet say it. */
    public static final String RULE = "Een deal telt mee in een jaar als hij in dat jaar liep: vanaf de registratie"
            + " (of de ondertekening, als die eerder was) tot de einddatum van de looptijd. Een deal die nog niet is"
            + " ondertekend, loopt tot vandaag; een afgeblazen deal tot de dag waarop hij werd afgeblazen. De fase is"
            + " waar de deal nu staat.";

    /** Said of a year that is not over yet. */
    public static final String PROVISIONAL = "Het jaar is nog niet om: dit verslag is voorlopig.";

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Lessons lessons;
    private final Clock clock;

    YearReport(DealRegistry registry, Prompts promptLog, Lessons lessons, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.lessons = lessons;
        this.clock = clock;
    }

    /** The current year on the Dutch calendar: the report's default. */
    public int currentYear() {
        return Year.now(clock.withZone(PromptSchedule.ZONE)).getValue();
    }

    /**
     * The year a user asked for: four digits between {@link #FIRST_YEAR} and {@link #YEARS_AHEAD} years from now; the
     * current year when none was given. Anything else is an {@link InvalidInputException} with a Dutch message.
     */
    public int yearOf(String value) {
        if (value == null || value.isBlank()) {
            return currentYear();
        }
        int last = currentYear() + YEARS_AHEAD;
        String wrong = "Kies een jaar tussen %d en %d (vier cijfers, bijvoorbeeld %d)."
                .formatted(FIRST_YEAR, last, currentYear());
        String text = value.strip();
        if (!text.matches("[0-9]{4}")) {
            throw new InvalidInputException(FIELD, wrong);
        }
        int year = Integer.parseInt(text);
        if (year < FIRST_YEAR || year > last) {
            throw new InvalidInputException(FIELD, wrong);
        }
        return year;
    }

    /** The report of a year over the deals a viewer sees (only those {@code onlyLead} leads or is a deputy of, when set). */
    public Report of(int year, String onlyLead) {
        Instant now = clock.instant();
        LocalDate today = PortfolioDates.localDay(now);
        List<Deal> deals = registry.search(DealCriteria.ledBy(onlyLead), Pageable.unpaged(Sort.by("name", "id")))
                .getContent();
        List<DealReport> lines = new ArrayList<>();
        for (Deal deal : deals) {
            List<DealDecision> decisions = null;
            if (deal.isAbandoned()) {
                decisions = registry.decisions(deal.getId());
            }
            Period period = period(deal, abandonedOn(decisions), today);
            if (!period.overlaps(year)) {
                continue;
            }
            if (decisions == null) {
                decisions = registry.decisions(deal.getId());
            }
            List<Participant> participants = registry.participants(deal.getId());
            List<ScalingReadiness.Item> readiness = ScalingReadiness.assess(
                    ScalingReadiness.DealFacts.of(deal),
                    promptLog.forDeal(deal.getId()).stream()
                            .map(ScalingReadiness.PromptFact::of)
                            .toList(),
                    participants,
                    decisions,
                    now);
            lines.add(new DealReport(
                    deal,
                    period,
                    participants.stream().filter(Participant::isAccepted).toList(),
                    readiness,
                    lessons.ofDeal(deal.getId())));
        }
        return new Report(year, today, lines);
    }

    /** The day the deal was abandoned, from its decisions; null when they record none. */
    private static LocalDate abandonedOn(List<DealDecision> decisions) {
        if (decisions == null) {
            return null;
        }
        return decisions.stream()
                .filter(d -> d.getKind() == DealDecision.Kind.ABANDONED)
                .map(DealDecision::getDecidedAt)
                .min(Comparator.naturalOrder())
                .map(PortfolioDates::localDay)
                .orElse(null);
    }

    /**
     * When the deal ran, as the report counts it: from its registration (or its signing, when earlier) to the end of
     * its term; without a term to today, or for an abandoned deal to the day it was abandoned (its registration when
     * that is not recorded).
     */
    public static Period period(Deal deal, LocalDate abandonedOn, LocalDate today) {
        LocalDate registered = PortfolioDates.localDay(deal.getRegisteredAt());
        LocalDate from = earliest(registered, deal.getSignedOn());
        if (from == null) {
            from = today;
        }
        LocalDate to;
        if (deal.isAbandoned()) {
            to = Optional.ofNullable(abandonedOn).orElse(from);
        } else if (deal.getEndsOn() != null) {
            to = deal.getEndsOn();
        } else {
            to = today;
        }
        return new Period(from, to.isBefore(from) ? from : to);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    /** From one day to another, both included. */
    public record Period(LocalDate from, LocalDate to) {

        public boolean overlaps(int year) {
            return !from.isAfter(LocalDate.of(year, 12, 31)) && !to.isBefore(LocalDate.of(year, 1, 1));
        }
    }

    /**
     * One deal in the report: the deal (phase, term, routes), when it ran, its admitted participants, its readiness
     * checklist and its lessons.
     */
    public record DealReport(
            Deal deal,
            Period period,
            List<Participant> participants,
            List<ScalingReadiness.Item> readiness,
            List<Lesson> lessons) {

        public DealReport {
            participants = List.copyOf(participants);
            readiness = List.copyOf(readiness);
            lessons = List.copyOf(lessons);
        }

        public long positiveLessons() {
            return lessons.stream().filter(Lesson::isPositive).count();
        }

        public long negativeLessons() {
            return lessons.size() - positiveLessons();
        }
    }

    /** The report of a year: its deals by name, and the totals over them. */
    public record Report(int year, LocalDate today, List<DealReport> deals) {

        public Report {
            deals = List.copyOf(deals);
        }

        /** How many of the deals stand in each phase now; every phase, in the phases' order, zero ones too. */
        public Map<DealPhase, Long> perPhase() {
            Map<DealPhase, Long> counts = new EnumMap<>(DealPhase.class);
            for (DealPhase phase : DealPhase.values()) {
                counts.put(phase, 0L);
            }
            deals.forEach(line -> counts.merge(line.deal().getPhase(), 1L, Long::sum));
            return counts;
        }

        /** How many of the deals chose each route (a deal can choose several); every route, zero ones too. */
        public Map<ScalingRoute, Long> perRoute() {
            Map<ScalingRoute, Long> counts = new EnumMap<>(ScalingRoute.class);
            for (ScalingRoute route : ScalingRoute.values()) {
                counts.put(route, 0L);
            }
            deals.forEach(line -> line.deal().getRoutes().forEach(route -> counts.merge(route, 1L, Long::sum)));
            return counts;
        }

        /** How many deals chose no route (yet). */
        public long withoutRoute() {
            return deals.stream()
                    .filter(line -> line.deal().getRoutes().isEmpty())
                    .count();
        }

        public long positiveLessons() {
            return deals.stream().mapToLong(DealReport::positiveLessons).sum();
        }

        public long negativeLessons() {
            return deals.stream().mapToLong(DealReport::negativeLessons).sum();
        }

        /** The questions of the readiness checklist, in order (the spreadsheet's columns). */
        public List<String> readinessQuestions() {
            return deals.isEmpty()
                    ? List.of()
                    : deals.get(0).readiness().stream()
                            .map(ScalingReadiness.Item::question)
                            .toList();
        }

        /** Whether the year is still running (or to come) on the report's day. */
        public boolean provisional() {
            return !today.isAfter(LocalDate.of(year, 12, 31));
        }
    }
}
