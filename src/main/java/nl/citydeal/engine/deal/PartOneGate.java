package nl.citydeal.engine.deal;

/**
 * The programme office's judgement at the gate between part 1 and part 2 of a two-part deal. Refusing the gate sends
 * part 1 back to the deal lead and needs remarks saying what is still needed: without them it is refused with a
 * Dutch message.
 */
public record PartOneGate(boolean passed, String remarks) {

    public PartOneGate {
        if (!passed && CommitmentGate.blank(remarks)) {
            throw new InvalidDealException(
                    "partOneGateRemarks",
                    "Geef in de opmerkingen aan wat er nog nodig is voordat deel 2 kan beginnen; zonder opmerkingen"
                            + " gaat deel 1 niet terug naar de dealtrekker.");
        }
    }
}
