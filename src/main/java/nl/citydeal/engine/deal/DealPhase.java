package nl.citydeal.engine.deal;

/** Where a City Deal stands in its life. */
public enum DealPhase {
    PREPARATION("Voorbereiding"),
    SIGNING("Ondertekening"),
    EXPERIMENTATION("Experimenteerfase"),
    SCALING_DECISION("Opschalingsbesluit"),
    SCALING_ROUTES("Opschalingsroutes"),
    CLOSING("Afsluiting"),
    CLOSED("Afgesloten"),
    /** Closed after it was abandoned before it got going: its lessons were shared like any other deal's. */
    ABANDONED("Afgeblazen");

    private final String label;

    DealPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
