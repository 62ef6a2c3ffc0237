package nl.citydeal.engine.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upload of models and forms is refused before anything is deployed. {@link #errors()} names each offending
 * file (or the request part) with the reasons, the engine's own messages where the engine found them.
 */
public class InvalidUploadException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidUploadException(Map<String, String> errors) {
        super("Upload refused: " + errors);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidUploadException of(String field, String message) {
        return new InvalidUploadException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
