package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** The prompt log's own rules, on one deal of its own. */
@CityDealSpringTest
class PromptsTest {

    static final Instant MARCH = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant JUNE = Instant.parse("2025-06-01T07:00:00Z");
    static final Instant SEPTEMBER = Instant.parse("2025-09-01T07:00:00Z");

    @Autowired
    Prompts prompts;

    @Autowired
    DealRegistry dealRegistry;

    @Test
    void planningAgainMovesWhatIsOpenAndLeavesWhatIsDone() {
        String dealId = deal();
        prompts.plan(
                dealId,
                dates(
                        PromptKind.OWNERSHIP_CONVERSATION,
                        MARCH,
                        PromptKind.MID_TERM_REVIEW,
                        MARCH,
                        PromptKind.SCALING_EXPLORATION,
                        MARCH));
        prompts.fire(dealId, PromptKind.MID_TERM_REVIEW, MARCH);
        prompts.done(dealId, PromptKind.OWNERSHIP_CONVERSATION, "anna", MARCH);

        prompts.plan(dealId, dates(PromptKind.MID_TERM_REVIEW, SEPTEMBER, PromptKind.SCALING_EXPLORATION, JUNE));

        assertThat(prompts.forDeal(dealId))
                .extracting(Prompt::getKind, Prompt::getStatus, Prompt::getDueAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                PromptKind.OWNERSHIP_CONVERSATION, PromptStatus.DONE, MARCH),
                        org.assertj.core.groups.Tuple.tuple(PromptKind.MID_TERM_REVIEW, PromptStatus.DUE, SEPTEMBER),
                        org.assertj.core.groups.Tuple.tuple(
                                PromptKind.SCALING_EXPLORATION, PromptStatus.PLANNED, JUNE));
        assertThat(prompts.forDeal(dealId).stream().filter(p -> p.isOverdue(JUNE.plusSeconds(60))))
                .as("the fired mid-term review moved past June with its term")
                .extracting(Prompt::getKind)
                .containsExactly(PromptKind.SCALING_EXPLORATION);
    }

    @Test
    void aDeliveredScalingPlanResolvesAnEscalationThatFired() {
        String dealId = deal();
        prompts.plan(dealId, dates(PromptKind.SCALING_PLAN_DUE, MARCH, PromptKind.SCALING_PLAN_ESCALATION, JUNE));
        prompts.fire(dealId, PromptKind.SCALING_PLAN_DUE, MARCH);
        prompts.fire(dealId, PromptKind.SCALING_PLAN_ESCALATION, JUNE);

        prompts.done(dealId, PromptKind.SCALING_PLAN_DUE, "anna", SEPTEMBER);

        assertThat(prompts.forDeal(dealId)).allSatisfy(prompt -> {
            assertThat(prompt.getStatus()).isEqualTo(PromptStatus.DONE);
            assertThat(prompt.getDoneBy()).isEqualTo("anna");
            assertThat(prompt.isOverdue(SEPTEMBER.plusSeconds(60))).isFalse();
        });
    }

    @Test
    void settlingADealCancelsEveryOpenPromptSoNothingIsOverdue() {
        String dealId = deal();
        prompts.plan(dealId, dates(PromptKind.MID_TERM_REVIEW, MARCH, PromptKind.SCALING_PLAN_DUE, JUNE));
        prompts.fire(dealId, PromptKind.MID_TERM_REVIEW, MARCH);

        prompts.settle(dealId);

        assertThat(prompts.forDeal(dealId)).extracting(Prompt::getStatus).containsOnly(PromptStatus.CANCELLED);
        assertThat(dealRegistry.get(dealId).getNextPromptDueAt()).isNull();
    }

    @Test
    void firingKeepsTheDealsNextPromptDateTheEarliestOpenOne() {
        String dealId = deal();
        prompts.plan(dealId, dates(PromptKind.OWNERSHIP_CONVERSATION, JUNE, PromptKind.SCALING_EXPLORATION, SEPTEMBER));
        assertThat(dealRegistry.get(dealId).getNextPromptDueAt()).isEqualTo(JUNE);

        prompts.fire(dealId, PromptKind.OWNERSHIP_CONVERSATION, JUNE);
        assertThat(dealRegistry.get(dealId).getNextPromptDueAt())
                .as("a prompt that fired is open until its task is done")
                .isEqualTo(JUNE);

        prompts.fire(dealId, PromptKind.MID_TERM_REVIEW, MARCH);
        assertThat(dealRegistry.get(dealId).getNextPromptDueAt())
                .as("a prompt that fires without being planned counts from when it fired")
                .isEqualTo(MARCH);

        prompts.done(dealId, PromptKind.MID_TERM_REVIEW, "anna", JUNE);
        prompts.done(dealId, PromptKind.OWNERSHIP_CONVERSATION, "anna", JUNE);
        assertThat(dealRegistry.get(dealId).getNextPromptDueAt()).isEqualTo(SEPTEMBER);
    }

    private String deal() {
        String dealId = "prompt-log-test-" + System.nanoTime();
        dealRegistry.ensureRegistered(
                dealId, null, "City Deal Test", "test", "Gemeente", "anna", null, null, null, null);
        return dealId;
    }

    private static Map<PromptKind, Instant> dates(Object... kindsAndDates) {
        Map<PromptKind, Instant> dates = new EnumMap<>(PromptKind.class);
        for (int i = 0; i < kindsAndDates.length; i += 2) {
            dates.put((PromptKind) kindsAndDates[i], (Instant) kindsAndDates[i + 1]);
        }
        return dates;
    }
}
