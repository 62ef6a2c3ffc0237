package nl.citydeal.engine.deal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stall rules on a controlled "now": when a deal counts as stalled, why in Dutch, and when it is escalated. */
class StallTest {

    static final Instant ENTERED = Instant.parse("2026-01-05T09:00:00Z");
    static final StallProperties RULES = StallProperties.defaults();

    static Instant weeksLater(Instant from, long weeks) {
        return from.plus(Duration.ofDays(7 * weeks));
    }

    @Test
    void aScalingDecisionOpenLongerThanTwelveWeeksIsStalledWithTheWeeksInItsReason() {
        Stall.Facts facts = new Stall.Facts("d1", DealPhase.SCALING_DECISION, ENTERED, null, null);

        assertThat(Stall.of(facts, weeksLater(ENTERED, 11), RULES)).isEmpty();
        assertThat(Stall.of(facts, weeksLater(ENTERED, 12), RULES))
                .as("exactly at the limit")
                .isEmpty();
        Instant now = weeksLater(ENTERED, 14).plusSeconds(3600);
        Stall stall = Stall.of(facts, now, RULES).orElseThrow();

        assertThat(stall.reason()).isEqualTo(Stall.Reason.SCALING_DECISION_OPEN);
        assertThat(stall.since()).isEqualTo(ENTERED);
        assertThat(stall.text(now)).isEqualTo("Opschalingsbesluit staat al 14 weken open");
        assertThat(stall.escalateFrom()).isEqualTo(weeksLater(ENTERED, 16));
        assertThat(stall.escalationDue(now)).isFalse();
        assertThat(stall.escalationDue(weeksLater(ENTERED, 16))).isTrue();
    }

    @Test
    void aProposalSentBackAndUntouchedLongerThanFourWeeksIsStalledUntilAStepIsCompleted() {
        Instant sentBack = ENTERED.plusSeconds(86400);
        Instant now = weeksLater(sentBack, 6).plusSeconds(60);
        Stall.Facts untouched = new Stall.Facts("d2", DealPhase.PREPARATION, ENTERED, sentBack, sentBack);

        Stall stall = Stall.of(untouched, now, RULES).orElseThrow();
        assertThat(stall.reason()).isEqualTo(Stall.Reason.PROPOSAL_SENT_BACK);
        assertThat(stall.text(now)).isEqualTo("Voorstel teruggestuurd en sinds 6 weken niet aangepast");
        assertThat(Stall.of(untouched, weeksLater(sentBack, 3), RULES)).isEmpty();

        Stall.Facts revised =
                new Stall.Facts("d2", DealPhase.PREPARATION, ENTERED, sentBack, sentBack.plusSeconds(3600));
        assertThat(Stall.of(revised, now, RULES))
                .as("a step completed after the send-back")
                .isEmpty();
    }

    @Test
    void otherPhasesAndUnknownMomentsAreNeverStalled() {
        Instant now = weeksLater(ENTERED, 100);
        assertThat(Stall.of(new Stall.Facts("d", DealPhase.EXPERIMENTATION, ENTERED, null, null), now, RULES))
                .isEmpty();
        assertThat(Stall.of(new Stall.Facts("d", DealPhase.SCALING_DECISION, null, null, null), now, RULES))
                .isEmpty();
        assertThat(Stall.of(new Stall.Facts("d", DealPhase.PREPARATION, ENTERED, null, null), now, RULES))
                .as("never sent back")
                .isEmpty();
    }

    @Test
    void theThresholdsAreConfigurableWithDefaultsInCode() {
        assertThat(RULES.scalingDecisionWeeks()).isEqualTo(12);
        assertThat(RULES.sentBackWeeks()).isEqualTo(4);
        assertThat(RULES.escalateAfterWeeks()).isEqualTo(4);
        StallProperties tight = new StallProperties(2, 1, 0, null);
        Instant now = weeksLater(ENTERED, 3);
        Stall stall = Stall.of(new Stall.Facts("d", DealPhase.SCALING_DECISION, ENTERED, null, null), now, tight)
                .orElseThrow();
        assertThat(stall.text(now)).isEqualTo("Opschalingsbesluit staat al 3 weken open");
        assertThat(stall.escalationDue(now)).isTrue();
    }
}
