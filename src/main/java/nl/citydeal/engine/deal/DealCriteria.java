package nl.citydeal.engine.deal;

/** Filters of the deal list; a null criterion does not filter. */
public record DealCriteria(DealPhase phase, String theme, String dealLead, boolean overdueOnly) {

    public DealCriteria {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
    }
}
