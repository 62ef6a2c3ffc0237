package nl.citydeal.engine.admin;

import java.util.List;

/**
 * One element of a model or form that an upload adds, removes or changes, against the deployed version: a BPMN
 * element, a DMN decision, column or rule, or a form component, by its id (a form component by its key, else its
 * id), with its kind in Dutch, its name and, per property, what changed ("Naam: 'X' → 'Y'").
 */
public record ModelChange(Change change, String elementId, String elementType, String name, List<String> details) {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED
    }

    public ModelChange {
        details = List.copyOf(details);
    }

    /** One line for the audit: "gewijzigd Gebruikerstaak 'Naam' (id): Naam: 'X' → 'Y'". */
    public String summary() {
        String what = switch (change) {
            case ADDED -> "nieuw";
            case REMOVED -> "verwijderd";
            case CHANGED -> "gewijzigd";
        };
        String label = elementType + (name == null || name.isBlank() ? "" : " '" + name + "'") + " (" + elementId + ")";
        return what + " " + label
                + (change == Change.CHANGED && !details.isEmpty() ? ": " + String.join("; ", details) : "");
    }
}
