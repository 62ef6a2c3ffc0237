package nl.citydeal.engine.deal;

import java.util.Set;

/**
 * Filters of the deal list; a null criterion does not filter. {@code onlyIds} keeps the deals another feature
 * selected (the overview's search: the deals whose texts match); an empty set selects none.
 */
public record DealCriteria(DealPhase phase, String theme, String dealLead, boolean overdueOnly, Set<String> onlyIds) {

    public DealCriteria {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
        onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
    }

    public DealCriteria(DealPhase phase, String theme, String dealLead, boolean overdueOnly) {
        this(phase, theme, dealLead, overdueOnly, null);
    }
}
