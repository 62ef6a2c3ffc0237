package nl.citydeal.engine.deal;

/** What the programme office decided about a deal proposal (the values of the review form). */
public enum ReviewOutcome {
    APPROVE,
    SEND_BACK,
    ABANDON
}
