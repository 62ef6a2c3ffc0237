package nl.citydeal.engine.deal;

/** The forms a follow-up of a City Deal can take (see CITY-DEALS.md, "Scaling routes"). */
public enum ScalingRoute {
    FOLLOW_UP_DEAL("Vervolg-City Deal"),
    EXTENSION("Verlenging (nieuwe looptijd)"),
    EMBED_IN_POLICY("Inbedden in regulier beleid of nationaal programma"),
    CHANGE_REGULATION("Wijziging van wet, regelgeving of financieringsmodel"),
    OTHER_DEAL_FORM("Andere dealvorm"),
    MERGE("Opgaan in een andere deal of netwerk"),
    KNOWLEDGE_NETWORK("Kennisnetwerk, tools en handboek"),
    NATIONAL_ROLLOUT("Landelijke uitrol via uitvoeringsorganisatie"),
    STOP("Stoppen en lessen delen");

    private final String label;

    ScalingRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
