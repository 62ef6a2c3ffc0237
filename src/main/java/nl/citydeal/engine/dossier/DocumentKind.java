package nl.citydeal.engine.dossier;

/** What a document of a deal is, with its Dutch label. */
public enum DocumentKind {
    COVENANT("Convenant"),
    STAATSCOURANT("Publicatie in de Staatscourant"),
    SCALING_PLAN("Opschalingsplan"),
    OWNERSHIP_MINUTES("Verslag eigenaarschapsgesprek"),
    FINAL_REPORT("Eindrapport"),
    OTHER("Overig");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
