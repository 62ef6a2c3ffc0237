package nl.citydeal.engine.deal;

import java.util.Set;

/**
 * Filters of the deal list; a null criterion does not filter. {@code dealLead} selects the deals a user is the lead
 * of; {@code ledBy} the deals a user leads or is a deputy of (what a deal lead sees); {@code scalingIntent} the deals
 * that mean to scale it (among others); {@code onlyIds} keeps the deals another feature selected (the overview's
 * search: the deals whose texts match), an empty set selects none; {@code stalled} the deals that are stalled by those
 * cutoffs ({@link Stall}).
 */
public record DealCriteria(
        DealPhase phase,
        String theme,
        String dealLead,
        boolean overdueOnly,
        String ledBy,
        ScalingIntent scalingIntent,
        Set<String> onlyIds,
        StallCutoffs stalled) {

    public DealCriteria {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
        ledBy = ledBy == null || ledBy.isBlank() ? null : ledBy.strip();
        onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
    }

    public DealCriteria(
            DealPhase phase,
            String theme,
            String dealLead,
            boolean overdueOnly,
            String ledBy,
            ScalingIntent scalingIntent,
            Set<String> onlyIds) {
        this(phase, theme, dealLead, overdueOnly, ledBy, scalingIntent, onlyIds, null);
    }

    public DealCriteria(DealPhase phase, String theme, String dealLead, boolean overdueOnly) {
        this(phase, theme, dealLead, overdueOnly, null, null, null);
    }

    /** The same criteria, keeping only the deals stalled by these cutoffs (null: not filtering on stalls). */
    public DealCriteria withStalled(StallCutoffs cutoffs) {
        return new DealCriteria(phase, theme, dealLead, overdueOnly, ledBy, scalingIntent, onlyIds, cutoffs);
    }

    /** Every deal the user leads or is a deputy of. */
    public static DealCriteria ledBy(String userId) {
        return new DealCriteria(null, null, null, false, userId, null, null);
    }
}
