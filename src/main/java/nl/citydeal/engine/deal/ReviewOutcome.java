package nl.citydeal.engine.deal;

/** What the programme office decided about a deal proposal (the values of the review form). */
public enum ReviewOutcome {
    APPROVE(false),
    SEND_BACK(true),
    ABANDON(true);

    private final boolean needsRemarks;

    ReviewOutcome(boolean needsRemarks) {
        this.needsRemarks = needsRemarks;
    }

    /** Sending a proposal back or abandoning it needs remarks: what is missing, or why it stops. */
    public boolean needsRemarks() {
        return needsRemarks;
    }
}
