package nl.citydeal.engine.system;

import java.util.Map;

/**
 * What a user entered breaks a rule. The messages are Dutch and meant for that user, one per offending field;
 * the API answers them as a 400 problem and nothing is changed.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
