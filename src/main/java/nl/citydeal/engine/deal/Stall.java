package nl.citydeal.engine.deal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A deal that waits in a step longer than the schedule expects: why, since when (the moment it started waiting), and
 * from when the programme office is prompted to discuss it. Derived from the registry's own facts ({@link #of}): the
 * moment the deal entered its phase, its latest proposal review and when a step of it was last completed.
 */
public record Stall(String dealId, Reason reason, Instant since, Instant stalledFrom, Instant escalateFrom) {

    /** What the deal waits for, with the lesson that makes the wait matter. */
    public enum Reason {
        /** The deal is in its scaling decision (from assessing the outcome to the confirmed decision). */
        SCALING_DECISION_OPEN(
                "Timing: denk ruim voor het einde na over opschaling; een opschalingsbesluit dat blijft liggen, laat"
                        + " het resultaat na afloop verdwijnen."),
        /** The programme office sent the proposal back, and no step of the deal was completed since. */
        PROPOSAL_SENT_BACK(
                "Procesvaardigheid: combineer structuur en momentum; een teruggestuurd voorstel dat blijft liggen,"
                        + " verliest de vaart die de deal nodig heeft, en daarmee de tijd om ruim voor het einde aan"
                        + " opschaling te werken.");

        private final String lesson;

        Reason(String lesson) {
            this.lesson = lesson;
        }

        public String lesson() {
            return lesson;
        }
    }

    /** The facts of one deal the rules read. */
    public record Facts(
            String dealId, DealPhase phase, Instant phaseEnteredAt, Instant proposalSentBackAt, Instant lastStepAt) {

        static Facts of(Deal deal, Instant proposalSentBackAt) {
            return new Facts(
                    deal.getId(), deal.getPhase(), deal.getPhaseEnteredAt(), proposalSentBackAt, deal.getLastStepAt());
        }
    }

    /**
     * The rules: a deal in its scaling decision for longer than {@code scaling-decision-weeks}, or a deal in
     * preparation whose latest review sent the proposal back longer than {@code sent-back-weeks} ago with no step
     * completed since, is stalled from that moment. Exactly at the limit it is not stalled yet.
     */
    public static Optional<Stall> of(Facts facts, Instant now, StallProperties rules) {
        if (facts.phase() == DealPhase.SCALING_DECISION && facts.phaseEnteredAt() != null) {
            return stalled(facts.dealId(), Reason.SCALING_DECISION_OPEN, facts.phaseEnteredAt(), now, rules);
        }
        if (facts.phase() == DealPhase.PREPARATION
                && facts.proposalSentBackAt() != null
                && (facts.lastStepAt() == null || !facts.lastStepAt().isAfter(facts.proposalSentBackAt()))) {
            return stalled(facts.dealId(), Reason.PROPOSAL_SENT_BACK, facts.proposalSentBackAt(), now, rules);
        }
        return Optional.empty();
    }

    private static Optional<Stall> stalled(
            String dealId, Reason reason, Instant since, Instant now, StallProperties rules) {
        Instant stalledFrom = since.plus(rules.allowed(reason));
        if (!now.isAfter(stalledFrom)) {
            return Optional.empty();
        }
        return Optional.of(new Stall(dealId, reason, since, stalledFrom, stalledFrom.plus(rules.escalateAfter())));
    }

    /** Whole weeks the deal has waited at the moment. */
    public long weeksWaiting(Instant now) {
        return Duration.between(since, now).toDays() / 7;
    }

    /** Why, in Dutch: "Opschalingsbesluit staat al 14 weken open". */
    public String text(Instant now) {
        long weeks = weeksWaiting(now);
        String span = weeks == 1 ? "1 week" : weeks + " weken";
        return switch (reason) {
            case SCALING_DECISION_OPEN -> "Opschalingsbesluit staat al %s open".formatted(span);
            case PROPOSAL_SENT_BACK -> "Voorstel teruggestuurd en sinds %s niet aangepast".formatted(span);
        };
    }

    /** Whether the programme office is to be prompted about the stall at the moment. */
    public boolean escalationDue(Instant now) {
        return !now.isBefore(escalateFrom);
    }
}
