package nl.citydeal.engine.deal;

import java.time.Instant;

/**
 * A decision that one party proposes and the other confirms (CITY-DEALS.md, "Joint decisions"): the scaling decision
 * and an early end of the experimentation. The deal lead proposes and the programme office confirms, or the reverse;
 * no one confirms their own proposal, and no party confirms what its own side proposed.
 */
public record JointDecision(
        String proposedBy, DecisionParty proposedAs, Instant proposedAt, String answeredBy, DecisionParty answeredAs) {

    public JointDecision {
        if (proposedBy == null || proposedAs == null) {
            throw new InvalidDealException("proposedBy", "Er is geen voorstel om te bevestigen.");
        }
        if (answeredBy == null || answeredAs == null) {
            throw new InvalidDealException(
                    "confirmation",
                    "Alleen een aangemelde dealtrekker van deze deal of het programmabureau kan antwoorden.");
        }
        if (answeredBy.equals(proposedBy)) {
            throw new InvalidDealException(
                    "confirmation",
                    "Je kunt je eigen voorstel niet bevestigen of weigeren: dat doet %s."
                            .formatted(proposedAs.other().label()));
        }
        if (answeredAs == proposedAs) {
            throw new InvalidDealException(
                    "confirmation",
                    "Een voorstel van %s wordt bevestigd door %s."
                            .formatted(proposedAs.label(), proposedAs.other().label()));
        }
    }
}
