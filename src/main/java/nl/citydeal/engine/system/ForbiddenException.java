package nl.citydeal.engine.system;

/** The user sees the thing but may not do this to it; the message says so in Dutch (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
