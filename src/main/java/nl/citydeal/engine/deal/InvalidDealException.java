package nl.citydeal.engine.deal;

/**
 * A rule of the domain is broken by what a user entered. The message is Dutch and meant for that user;
 * {@link #field()} names the offending field.
 */
public class InvalidDealException extends RuntimeException {

    private final String field;

    public InvalidDealException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
