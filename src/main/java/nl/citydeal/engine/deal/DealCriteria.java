package nl.citydeal.engine.deal;

/**
 * Filters of the deal list; a null criterion does not filter. {@code scalingIntent} selects the deals that mean to
 * scale it (among others).
 */
public record DealCriteria(
        DealPhase phase, String theme, String dealLead, boolean overdueOnly, ScalingIntent scalingIntent) {

    public DealCriteria {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
    }

    /** Every deal of one deal lead (all deals for null). */
    public static DealCriteria ofLead(String dealLead) {
        return new DealCriteria(null, null, dealLead, false, null);
    }
}
