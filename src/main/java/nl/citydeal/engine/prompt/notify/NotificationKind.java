package nl.citydeal.engine.prompt.notify;

/** Why a mail goes out. */
public enum NotificationKind {
    /** A prompt fell due (its timer fired): the deal lead, or the programme office for its own prompts. */
    PROMPT("Herinnering"),
    /** A prompt falls due within the lead time (default 14 days) and is still open. */
    REMINDER_BEFORE("Vooraankondiging"),
    /** A prompt falls due today and is still open, and no prompt mail went out for it. */
    REMINDER_DUE("Herinnering vervaldag"),
    /** The scaling plan is still missing: the programme office. */
    ESCALATION("Escalatie"),
    /** A deal stalled longer than the escalation period: the programme office, once per stall. */
    STALL("Stilgevallen deal"),
    /** The weekly overview for the programme office. */
    DIGEST("Weekoverzicht"),
    /** Something failed (a prompt that could not fire, a mail given up after its attempts): the administrators. */
    INCIDENT("Storing");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
