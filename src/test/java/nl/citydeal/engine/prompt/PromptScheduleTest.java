package nl.citydeal.engine.prompt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Term;

import static nl.citydeal.engine.prompt.PromptKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptScheduleTest {

    /** The default rows of the prompt-schedule decision, as CITY-DEALS.md gives them. */
    static final List<PromptRule> DEFAULT_RULES = List.of(
            new PromptRule(OWNERSHIP_CONVERSATION, new BigDecimal("0.25"), null, null),
            new PromptRule(SCALING_EXPLORATION, new BigDecimal("0.40"), null, null),
            new PromptRule(MID_TERM_REVIEW, new BigDecimal("0.50"), null, null),
            new PromptRule(SCALING_PLAN_DUE, new BigDecimal("0.75"), 6, null),
            new PromptRule(SCALING_PLAN_ESCALATION, new BigDecimal("0.85"), 3, null),
            new PromptRule(ANSWERABILITY_REVIEW, null, null, 6));

    @Test
    void threeYearTermMatchesWorkedExampleToTheDay() {
        PromptPlan plan = PromptSchedule.plan(term("2024-03-01", "2027-03-01"), DEFAULT_RULES);

        assertThat(plan.dueAt(OWNERSHIP_CONVERSATION)).isEqualTo(OffsetDateTime.parse("2024-11-29T09:00+01:00"));
        assertThat(plan.dueAt(SCALING_EXPLORATION)).isEqualTo(OffsetDateTime.parse("2025-05-13T09:00+02:00"));
        assertThat(plan.dueAt(MID_TERM_REVIEW)).isEqualTo(OffsetDateTime.parse("2025-08-30T09:00+02:00"));
        assertThat(plan.dueAt(SCALING_PLAN_DUE)).isEqualTo(OffsetDateTime.parse("2026-05-31T09:00+02:00"));
        assertThat(plan.dueAt(SCALING_PLAN_ESCALATION)).isEqualTo(OffsetDateTime.parse("2026-09-17T09:00+02:00"));
    }

    @Test
    void oneYearTermIsCappedMonthsBeforeTheEnd() {
        PromptPlan plan = PromptSchedule.plan(term("2025-01-15", "2026-01-15"), DEFAULT_RULES);

        assertThat(plan.dueAt(OWNERSHIP_CONVERSATION).toLocalDate()).isEqualTo("2025-04-16");
        assertThat(plan.dueAt(SCALING_EXPLORATION).toLocalDate()).isEqualTo("2025-06-10");
        assertThat(plan.dueAt(MID_TERM_REVIEW).toLocalDate()).isEqualTo("2025-07-16");
        assertThat(plan.dueAt(SCALING_PLAN_DUE).toLocalDate()).isEqualTo("2025-07-15");
        assertThat(plan.dueAt(SCALING_PLAN_ESCALATION).toLocalDate()).isEqualTo("2025-10-15");
    }

    @Test
    void answerabilityReviewRepeatsEverySixMonthsFromSigning() {
        PromptPlan plan = PromptSchedule.plan(term("2024-03-01", "2027-03-01"), DEFAULT_RULES);

        assertThat(plan.answerabilityCycle()).isEqualTo("R/2024-09-01T09:00+02:00/P6M");
        assertThat(plan.termEndsAt()).isEqualTo(OffsetDateTime.parse("2027-03-01T09:00+01:00"));
    }

    @Test
    void scheduleWithoutAnswerabilityRowIsRefused() {
        assertThatThrownBy(() -> PromptSchedule.plan(term("2024-03-01", "2027-03-01"), DEFAULT_RULES.subList(0, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answerability");
    }

    @Test
    void ruleNeedsExactlyOneOfFractionOrRepeat() {
        assertThatThrownBy(() -> new PromptRule(MID_TERM_REVIEW, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromptRule(MID_TERM_REVIEW, new BigDecimal("1.5"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Term term(String signedOn, String endsOn) {
        return new Term(LocalDate.parse(signedOn), LocalDate.parse(endsOn));
    }
}
