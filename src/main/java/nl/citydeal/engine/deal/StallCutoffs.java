package nl.citydeal.engine.deal;

import java.time.Instant;

/**
 * The stall rules as a filter of the deal list ({@link DealCriteria#stalled()}): a deal in its scaling decision that
 * entered it before {@code phaseEnteredBefore}, or a deal in preparation whose latest review sent the proposal back
 * before {@code sentBackBefore} with no step completed since. The same rules as {@link Stall#of}.
 */
public record StallCutoffs(Instant phaseEnteredBefore, Instant sentBackBefore) {

    public static StallCutoffs at(Instant now, StallProperties rules) {
        return new StallCutoffs(
                now.minus(rules.allowed(Stall.Reason.SCALING_DECISION_OPEN)),
                now.minus(rules.allowed(Stall.Reason.PROPOSAL_SENT_BACK)));
    }
}
