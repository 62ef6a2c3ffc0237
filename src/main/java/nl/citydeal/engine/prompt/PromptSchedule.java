package nl.citydeal.engine.prompt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import nl.citydeal.engine.deal.Term;

/**
 * Computes when each prompt of a term falls: the signing date plus the rule's fraction of the term in whole
 * days (rounded down), or the end date minus the rule's cap in months when that is earlier, at 09:00
 * Europe/Amsterdam.
 */
@Service
public class PromptSchedule {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final LocalTime PROMPT_TIME = LocalTime.of(9, 0);

    private final PromptRules rules;

    public PromptSchedule(PromptRules rules) {
        this.rules = rules;
    }

    public PromptPlan plan(Term term) {
        return plan(term, rules.forTerm(term.days()));
    }

    static PromptPlan plan(Term term, List<PromptRule> rules) {
        Map<PromptKind, OffsetDateTime> dueDates = new EnumMap<>(PromptKind.class);
        OffsetDateTime firstReview = null;
        Period interval = null;
        for (PromptRule rule : rules) {
            if (rule.repeats()) {
                interval = Period.ofMonths(rule.repeatEveryMonths());
                firstReview = at(term.signedOn().plus(interval));
            } else {
                dueDates.put(rule.kind(), at(dueDate(term, rule)));
            }
        }
        if (firstReview == null) {
            throw new IllegalStateException("The prompt schedule has no repeating answerability review");
        }
        return new PromptPlan(dueDates, at(term.endsOn()), firstReview, interval);
    }

    private static LocalDate dueDate(Term term, PromptRule rule) {
        long days = BigDecimal.valueOf(term.days())
                .multiply(rule.fractionOfTerm())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        LocalDate due = term.signedOn().plusDays(days);
        if (rule.latestMonthsBeforeEnd() != null) {
            LocalDate latest = term.endsOn().minusMonths(rule.latestMonthsBeforeEnd());
            if (latest.isBefore(due)) {
                due = latest;
            }
        }
        return due;
    }

    private static OffsetDateTime at(LocalDate date) {
        return date.atTime(PROMPT_TIME).atZone(ZONE).toOffsetDateTime();
    }
}
