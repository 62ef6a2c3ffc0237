package nl.citydeal.engine.prompt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.stereotype.Service;

import nl.citydeal.engine.deal.Term;

/**
 * Computes when each prompt of a stretch of term falls (from signing, or from the start of an extension, to the
 * end): the start plus the rule's fraction of the stretch in whole days (rounded down), or the end date minus the
 * rule's cap in months when that is earlier, at 09:00 Europe/Amsterdam, and never on the day the stretch starts.
 * The rules come from the deployed {@code prompt-schedule} decision table, which may depend on the stretch's length
 * ({@code termInDays}).
 */
@Service
public class PromptSchedule {

    /** The key of the decision table the rules come from. */
    public static final String DECISION_KEY = "prompt-schedule";

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final LocalTime PROMPT_TIME = LocalTime.of(9, 0);

    /** The longest stretch a schedule must cover: a whole term of the longest length allowed. */
    static final long LONGEST_STRETCH_IN_DAYS = Term.MAX_YEARS * 366L + 1;

    private final PromptRules rules;

    public PromptSchedule(PromptRules rules) {
        this.rules = rules;
    }

    public PromptPlan plan(Term term) {
        return plan(term.signedOn(), term.endsOn());
    }

    /** Plans the stretch from {@code from} to the end date. */
    public PromptPlan plan(LocalDate from, LocalDate endsOn) {
        return plan(from, endsOn, rules);
    }

    /**
     * Plans the stretch from {@code from} to the end date with other rules than the deployed ones (a schedule under
     * review), exactly as {@link #plan(LocalDate, LocalDate)} does with the deployed ones.
     */
    public static PromptPlan plan(LocalDate from, LocalDate endsOn, PromptRules rules) {
        return plan(from, endsOn, rules.forTerm(days(from, endsOn)));
    }

    static PromptPlan plan(LocalDate from, LocalDate endsOn, List<PromptRule> rules) {
        List<String> problems = problemsOf(rules);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Het herinneringsschema is niet bruikbaar voor %d dagen: %s"
                    .formatted(days(from, endsOn), String.join(" ", problems)));
        }
        Map<PromptKind, OffsetDateTime> dueDates = new EnumMap<>(PromptKind.class);
        List<OffsetDateTime> reviews = new ArrayList<>();
        OffsetDateTime end = at(endsOn);
        for (PromptRule rule : rules) {
            if (rule.repeats()) {
                Period interval = Period.ofMonths(rule.repeatEveryMonths());
                // on Dutch time, so every review falls at 09:00 in summer and winter alike
                for (LocalDate review = from.plus(interval); at(review).isBefore(end); review = review.plus(interval)) {
                    reviews.add(at(review));
                }
            } else {
                dueDates.put(rule.kind(), at(dueDate(from, endsOn, rule)));
            }
        }
        return new PromptPlan(dueDates, at(from), end, reviews);
    }

    /**
     * What makes a schedule unusable, in Dutch: for every stretch from one day to the longest term, each prompt kind
     * needs exactly one usable row, and over every allowed term length the prompts must fall in their order (kinds
     * in declaration order) and before the end. Empty when the schedule may be deployed.
     *
     * @param rows the decision table's result rows for a stretch of so many days
     */
    public static List<String> check(LongFunction<List<Map<String, Object>>> rows) {
        Set<String> problems = new LinkedHashSet<>();
        LocalDate signedOn = LocalDate.of(2025, 8, 31);
        for (long days = 1; days <= LONGEST_STRETCH_IN_DAYS && problems.size() < 5; days++) {
            List<PromptRule> rules = new ArrayList<>();
            for (Map<String, Object> row : rows.apply(days)) {
                try {
                    rules.add(PromptRule.of(row));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            List<String> ofLength = problemsOf(rules);
            if (!ofLength.isEmpty()) {
                problems.add("Bij een looptijd van %d dagen: %s".formatted(days, String.join(" ", ofLength)));
                continue;
            }
            LocalDate endsOn = signedOn.plusDays(days);
            if (!endsOn.isBefore(signedOn.plusMonths(Term.MIN_MONTHS))) {
                String length = "Bij een looptijd van %d dagen (%s tot %s): ".formatted(days, signedOn, endsOn);
                outOfOrder(plan(signedOn, endsOn, rules)).ifPresent(problem -> problems.add(length + problem));
            }
        }
        return List.copyOf(problems);
    }

    /** Where a plan breaks the order of the prompts, or falls at or after the end. */
    static Optional<String> outOfOrder(PromptPlan plan) {
        PromptKind previous = null;
        for (PromptKind kind : PromptKind.values()) {
            if (kind.repeats()) {
                continue;
            }
            if (!plan.dueAt(kind).isBefore(plan.termEndsAt())) {
                return Optional.of("%s valt niet vóór het einde.".formatted(kind.label()));
            }
            if (previous != null && plan.dueAt(kind).isBefore(plan.dueAt(previous))) {
                return Optional.of("%s valt vóór %s.".formatted(kind.label(), previous.label()));
            }
            previous = kind;
        }
        return Optional.empty();
    }

    private static List<String> problemsOf(List<PromptRule> rules) {
        List<String> problems = new ArrayList<>();
        for (PromptKind kind : PromptKind.values()) {
            long count = rules.stream().filter(rule -> rule.kind() == kind).count();
            if (count == 0) {
                problems.add("Er is geen regel voor %s (%s).".formatted(kind, kind.label()));
            } else if (count > 1) {
                problems.add(
                        "Er zijn %d regels voor %s (%s); het moet er één zijn.".formatted(count, kind, kind.label()));
            }
        }
        return problems;
    }

    private static long days(LocalDate from, LocalDate endsOn) {
        return ChronoUnit.DAYS.between(from, endsOn);
    }

    private static LocalDate dueDate(LocalDate from, LocalDate endsOn, PromptRule rule) {
        long days = BigDecimal.valueOf(days(from, endsOn))
                .multiply(rule.fractionOfTerm())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        LocalDate due = from.plusDays(days);
        if (rule.latestMonthsBeforeEnd() != null) {
            LocalDate latest = endsOn.minusMonths(rule.latestMonthsBeforeEnd());
            if (latest.isBefore(due)) {
                due = latest;
            }
        }
        LocalDate earliest = from.plusDays(1);
        return due.isBefore(earliest) ? earliest : due;
    }

    private static OffsetDateTime at(LocalDate date) {
        return date.atTime(PROMPT_TIME).atZone(ZONE).toOffsetDateTime();
    }
}
