package nl.citydeal.engine.dossier;

import java.util.Arrays;
import java.util.Optional;

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

    /** The kind named {@code name} (as in {@code ?soort=SCALING_PLAN}, the link a task gives); empty for anything else. */
    public static Optional<DocumentKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
