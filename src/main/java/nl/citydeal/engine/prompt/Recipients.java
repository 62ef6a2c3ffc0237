package nl.citydeal.engine.prompt;

import java.util.List;
import java.util.Optional;

/** Who gets prompts by mail: the users of the identity service. Implemented in {@code identity}. */
public interface Recipients {

    /** The user with their name and e-mail address, if the user exists. */
    Optional<Recipient> user(String userId);

    /**
     * The user, if the user exists and their login is not locked at this moment (a calendar subscription of a
     * locked user answers as if it did not exist).
     */
    Optional<Recipient> active(String userId);

    /** Every member of the programme office. */
    List<Recipient> programmeOffice();

    boolean isProgrammeOffice(String userId);

    /** Every administrator: they are mailed when something fails (a prompt that could not fire, a mail given up). */
    List<Recipient> administrators();
}
