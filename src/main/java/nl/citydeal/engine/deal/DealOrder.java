package nl.citydeal.engine.deal;

/** The orders of the deal overview; ties go by name, then id. */
public enum DealOrder {
    NAME,
    PHASE,
    NEXT_PROMPT,
    END_DATE
}
