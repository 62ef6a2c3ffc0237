package nl.citydeal.engine.deal;

/**
 * Filters of the deal list; a null criterion does not filter. {@code dealLead} selects the deals a user is the lead
 * of; {@code ledBy} the deals a user leads or is a deputy of (what a deal lead sees); {@code scalingIntent} the deals
 * that mean to scale it (among others).
 */
public record DealCriteria(
        DealPhase phase,
        String theme,
        String dealLead,
        boolean overdueOnly,
        String ledBy,
        ScalingIntent scalingIntent) {

    public DealCriteria {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
        ledBy = ledBy == null || ledBy.isBlank() ? null : ledBy.strip();
    }

    public DealCriteria(DealPhase phase, String theme, String dealLead, boolean overdueOnly) {
        this(phase, theme, dealLead, overdueOnly, null, null);
    }

    /** Every deal the user leads or is a deputy of. */
    public static DealCriteria ledBy(String userId) {
        return new DealCriteria(null, null, null, false, userId, null);
    }
}
