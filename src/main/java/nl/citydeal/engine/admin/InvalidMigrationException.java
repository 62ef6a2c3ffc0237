package nl.citydeal.engine.admin;

import java.util.Map;

/** A migration request names no existing versions, the same version twice, or nothing to move. */
public class InvalidMigrationException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidMigrationException(String field, String message) {
        super(message);
        this.errors = Map.of(field, message);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
