package nl.citydeal.engine.deal;

/** One part, or two: part 1 builds relationships and measurable goals, part 2 achieves them. */
public enum DealSetup {
    ONE_PART,
    TWO_PART
}
