package nl.citydeal.engine.deal;

/**
 * What the deal lead recorded about the administrative commitment, as the gate of the preparation reads it. Resources
 * count as committed only with a description of them and a view on money for the execution (lesson Middelen): a
 * tick without them is refused with a Dutch message.
 */
public record CommitmentGate(boolean resourcesCommitted, String resourcesDescription, String executionFundingView) {

    public CommitmentGate {
        if (resourcesCommitted && blank(resourcesDescription)) {
            throw new InvalidDealException(
                    "resourcesDescription",
                    "Beschrijf de toegezegde middelen (per partij: bedrag, fte of andere inzet); zonder die beschrijving"
                            + " tellen de middelen niet als toegezegd.");
        }
        if (resourcesCommitted && blank(executionFundingView)) {
            throw new InvalidDealException(
                    "executionFundingView",
                    "Geef aan waar het geld voor de uitvoering vandaan kan komen; zonder zicht op geld voor de"
                            + " uitvoering tellen de middelen niet als toegezegd.");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
