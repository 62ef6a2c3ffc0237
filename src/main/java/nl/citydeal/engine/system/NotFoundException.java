package nl.citydeal.engine.system;

/** Something a request names (a deal, a deployment, a migration) does not exist, or is not the user's to see. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
