package nl.citydeal.engine.prompt.notify;

/**
 * Where a mail stands: waiting to be sent (also while retrying), sent, given up after the last attempt (or no
 * address), or cancelled because its prompt was done or moved before it went out.
 */
public enum NotificationStatus {
    PENDING("Wacht"),
    SENT("Verzonden"),
    FAILED("Mislukt"),
    CANCELLED("Vervallen");

    private final String label;

    NotificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
