package nl.citydeal.engine.deal;

/** The two parties of a joint decision on a deal: its deal lead and the programme office. */
public enum DecisionParty {
    DEAL_LEAD("de dealtrekker"),
    PROGRAMME_OFFICE("het programmabureau");

    private final String label;

    DecisionParty(String label) {
        this.label = label;
    }

    /** In Dutch, as in a sentence: "de dealtrekker". */
    public String label() {
        return label;
    }

    /** The party that confirms what this party proposes. */
    public DecisionParty other() {
        return this == DEAL_LEAD ? PROGRAMME_OFFICE : DEAL_LEAD;
    }
}
