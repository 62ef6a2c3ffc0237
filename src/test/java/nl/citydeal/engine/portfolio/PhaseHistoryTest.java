package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealDecision.Kind;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ReviewOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a deal stood at a moment, from its registration, the decisions that move it on and its current phase. */
class PhaseHistoryTest {

    static final Instant REGISTERED = Instant.parse("2024-01-10T09:00:00Z");
    static final Instant APPROVED = Instant.parse("2024-03-01T09:00:00Z");
    static final Instant SIGNED = Instant.parse("2024-05-01T09:00:00Z");
    static final Instant ENDED = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void theDecisionsThatMoveADealOnGiveItsPhaseAtEachMoment() {
        PhaseHistory history = PhaseHistory.of(
                REGISTERED,
                DealPhase.PREPARATION,
                List.of(
                        new DealDecision("d", REGISTERED, "petra", Kind.REGISTERED, "Deal geregistreerd"),
                        new DealDecision(
                                "d",
                                Instant.parse("2024-02-01T09:00:00Z"),
                                "petra",
                                ReviewOutcome.SEND_BACK,
                                "SEND_BACK: beter"),
                        new DealDecision("d", APPROVED, "petra", ReviewOutcome.APPROVE, "APPROVE"),
                        new DealDecision("d", SIGNED, "petra", Kind.SIGNED, "Ondertekend"),
                        new DealDecision("d", Instant.parse("2025-01-01T09:00:00Z"), "anna", Kind.TERM_CHANGED, "")),
                DealPhase.EXPERIMENTATION,
                SIGNED);

        assertThat(history.at(REGISTERED.minusSeconds(1))).isEmpty();
        assertThat(history.at(REGISTERED)).contains(DealPhase.PREPARATION);
        assertThat(history.at(Instant.parse("2024-02-15T00:00:00Z"))).contains(DealPhase.PREPARATION);
        assertThat(history.at(APPROVED)).contains(DealPhase.SIGNING);
        assertThat(history.at(Instant.parse("2025-06-30T00:00:00Z"))).contains(DealPhase.EXPERIMENTATION);
    }

    @Test
    void theCurrentPhaseCountsFromTheMomentItWasEnteredAndOverrulesLaterDecisions() {
        Instant closing = Instant.parse("2026-09-01T09:00:00Z");
        PhaseHistory history = PhaseHistory.of(
                REGISTERED,
                DealPhase.PREPARATION,
                List.of(
                        new DealDecision("d", SIGNED, "petra", Kind.SIGNED, "Ondertekend"),
                        new DealDecision("d", ENDED, (String) null, Kind.EXPERIMENTATION_ENDED, "Looptijd om"),
                        new DealDecision(
                                "d", Instant.parse("2026-07-01T09:00:00Z"), "petra", Kind.SCALING_DECIDED, "Stoppen"),
                        // recorded a moment after the deal entered its current phase: does not count
                        new DealDecision("d", closing.plusMillis(3), "petra", Kind.CLOSED, "Afgesloten")),
                DealPhase.CLOSING,
                closing);

        assertThat(history.at(ENDED.plusSeconds(60))).contains(DealPhase.SCALING_DECISION);
        assertThat(history.at(Instant.parse("2026-08-01T00:00:00Z"))).contains(DealPhase.SCALING_ROUTES);
        assertThat(history.at(closing)).contains(DealPhase.CLOSING);
        assertThat(history.at(closing.plusSeconds(3600))).contains(DealPhase.CLOSING);
    }

    @Test
    void anAbandonedDealThatClosesStaysAbandoned() {
        Instant abandoned = Instant.parse("2024-04-01T09:00:00Z");
        PhaseHistory history = PhaseHistory.of(
                REGISTERED,
                DealPhase.PREPARATION,
                List.of(
                        new DealDecision("d", abandoned, "petra", Kind.ABANDONED, "Geen middelen"),
                        new DealDecision("d", abandoned.plusSeconds(5), "petra", Kind.CLOSED, "Lessen gedeeld")),
                DealPhase.ABANDONED,
                null);

        assertThat(history.at(abandoned.minusSeconds(1))).contains(DealPhase.PREPARATION);
        assertThat(history.at(abandoned.plusSeconds(60))).contains(DealPhase.ABANDONED);
    }

    @Test
    void aDealStandsInItsCurrentPhaseFromTheMomentItEnteredItWhateverIsRecordedAfter() {
        Deal deal = new Deal("d", "CD-1", "Deal", "thema", "Gemeente", "anna", "petra", "ambitie", REGISTERED);
        PhaseHistory history = PhaseHistory.of(
                deal, List.of(new DealDecision("d", APPROVED, "petra", ReviewOutcome.APPROVE, "APPROVE")));
        assertThat(history.at(REGISTERED.minusSeconds(1))).isEmpty();
        assertThat(history.at(REGISTERED.plusSeconds(1))).contains(DealPhase.PREPARATION);
        // the deal is still in the preparation it entered at its registration: a later decision does not move it
        assertThat(history.at(APPROVED.plusSeconds(1))).contains(DealPhase.PREPARATION);
    }
}
