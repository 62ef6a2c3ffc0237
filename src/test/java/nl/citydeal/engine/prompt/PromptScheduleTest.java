package nl.citydeal.engine.prompt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Term;

import static nl.citydeal.engine.prompt.PromptKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptScheduleTest {

    /** The rows of the prompt-schedule decision for terms of 400 days and more, as CITY-DEALS.md gives them. */
    static final List<PromptRule> DEFAULT_RULES = List.of(
            new PromptRule(OWNERSHIP_CONVERSATION, new BigDecimal("0.25"), null, null),
            new PromptRule(SCALING_EXPLORATION, new BigDecimal("0.40"), null, null),
            new PromptRule(MID_TERM_REVIEW, new BigDecimal("0.50"), null, null),
            new PromptRule(SCALING_PLAN_DUE, new BigDecimal("0.75"), 6, null),
            new PromptRule(SCALING_PLAN_ESCALATION, new BigDecimal("0.85"), 3, null),
            new PromptRule(ANSWERABILITY_REVIEW, null, null, 6));

    @Test
    void threeYearTermMatchesWorkedExampleToTheDay() {
        PromptPlan plan = plan(term("2024-03-01", "2027-03-01"));

        assertThat(plan.dueAt(OWNERSHIP_CONVERSATION)).isEqualTo(OffsetDateTime.parse("2024-11-29T09:00+01:00"));
        assertThat(plan.dueAt(SCALING_EXPLORATION)).isEqualTo(OffsetDateTime.parse("2025-05-13T09:00+02:00"));
        assertThat(plan.dueAt(MID_TERM_REVIEW)).isEqualTo(OffsetDateTime.parse("2025-08-30T09:00+02:00"));
        assertThat(plan.dueAt(SCALING_PLAN_DUE)).isEqualTo(OffsetDateTime.parse("2026-05-31T09:00+02:00"));
        assertThat(plan.dueAt(SCALING_PLAN_ESCALATION)).isEqualTo(OffsetDateTime.parse("2026-09-17T09:00+02:00"));
    }

    @Test
    void aCapMonthsBeforeTheEndWinsWhenItIsEarlier() {
        PromptPlan plan = plan(term("2025-01-15", "2026-05-15"));

        assertThat(plan.dueAt(MID_TERM_REVIEW).toLocalDate()).isEqualTo("2025-09-14");
        assertThat(plan.dueAt(SCALING_PLAN_DUE).toLocalDate()).isEqualTo("2025-11-15");
        assertThat(plan.dueAt(SCALING_PLAN_ESCALATION).toLocalDate()).isEqualTo("2026-02-15");
    }

    @Test
    void answerabilityReviewsFallEverySixMonthsFromTheStartBeforeTheEnd() {
        PromptPlan plan = plan(term("2024-03-01", "2027-03-01"));

        assertThat(plan.answerabilityReviews())
                .extracting(OffsetDateTime::toString)
                .containsExactly(
                        "2024-09-01T09:00+02:00",
                        "2025-03-01T09:00+01:00",
                        "2025-09-01T09:00+02:00",
                        "2026-03-01T09:00+01:00",
                        "2026-09-01T09:00+02:00");
        assertThat(plan.termEndsAt()).isEqualTo(OffsetDateTime.parse("2027-03-01T09:00+01:00"));
    }

    @Test
    void aPlanMadeLateWaitsForTheMostRecentMissedReviewOnlyAndAfterThatForTheNextToCome() {
        PromptPlan plan = plan(term("2024-03-01", "2027-03-01"));

        assertThat(plan.answerabilityReviewToPlan(Instant.parse("2024-06-01T00:00:00Z")))
                .contains(OffsetDateTime.parse("2024-09-01T09:00+02:00"));
        assertThat(plan.answerabilityReviewToPlan(Instant.parse("2025-10-01T00:00:00Z")))
                .as(
                        "signed a year and a half ago: the review of 1 September 2025 is missed, the two before it are not planned")
                .contains(OffsetDateTime.parse("2025-09-01T09:00+02:00"));
        assertThat(plan.answerabilityReviewAfter(Instant.parse("2025-10-01T00:00:00Z")))
                .contains(OffsetDateTime.parse("2026-03-01T09:00+01:00"));
        assertThat(plan.answerabilityReviewAfter(Instant.parse("2026-10-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void aStretchMeasuredFromAnExtensionPutsNothingOnItsFirstDay() {
        PromptPlan plan =
                PromptSchedule.plan(LocalDate.parse("2027-03-10"), LocalDate.parse("2027-04-10"), DEFAULT_RULES);

        assertThat(PromptKind.values())
                .filteredOn(kind -> !kind.repeats())
                .allSatisfy(kind -> assertThat(plan.dueAt(kind).toLocalDate()).isAfter(LocalDate.parse("2027-03-10")));
    }

    @Test
    void scheduleWithoutAnswerabilityRowIsRefusedInDutch() {
        assertThatThrownBy(() -> PromptSchedule.plan(
                        LocalDate.parse("2024-03-01"), LocalDate.parse("2027-03-01"), DEFAULT_RULES.subList(0, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Er is geen regel voor ANSWERABILITY_REVIEW");
    }

    @Test
    void ruleNeedsExactlyOneOfFractionOrRepeat() {
        assertThatThrownBy(() -> new PromptRule(MID_TERM_REVIEW, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromptRule(MID_TERM_REVIEW, new BigDecimal("1.5"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static PromptPlan plan(Term term) {
        return PromptSchedule.plan(term.signedOn(), term.endsOn(), DEFAULT_RULES);
    }

    private static Term term(String signedOn, String endsOn) {
        return new Term(LocalDate.parse(signedOn), LocalDate.parse(endsOn));
    }
}
