package nl.citydeal.engine.deal;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * A rule of the domain is broken by what a user entered. The message is Dutch and meant for that user;
 * {@link #field()} names the offending field.
 */
public class InvalidDealException extends InvalidInputException {

    private final String field;

    public InvalidDealException(String field, String message) {
        super(field, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
