package nl.citydeal.engine.system;

/** The request is valid but does not fit where the thing stands now (e.g. a term change after the term ended). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
