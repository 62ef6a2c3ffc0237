package nl.citydeal.engine.lesson;

import java.util.Set;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ScalingRoute;

/**
 * A lesson as the library shows it: with its deal as the registry holds it now, for the deal's name, phase and
 * routes (a closed deal's phase and routes no longer change).
 */
public record LibraryLesson(Lesson lesson, Deal deal) {

    public Long id() {
        return lesson.getId();
    }

    public String dealName() {
        return deal.getName();
    }

    public DealPhase phase() {
        return deal.getPhase();
    }

    /** The phase in Dutch; an abandoned deal says where it was abandoned. */
    public String phaseLabel() {
        DealPhase phase = deal.getPhase();
        if (deal.getAbandonedIn() != null) {
            return "%s (in %s)"
                    .formatted(phase.label(), deal.getAbandonedIn().label().toLowerCase());
        }
        return phase.label();
    }

    /** The scaling routes the deal chose, in their order; none while it has not chosen or was abandoned. */
    public Set<ScalingRoute> routes() {
        return deal.getRoutes();
    }

    /** The routes in Dutch, comma-separated; empty without a route. */
    public String routeLabels() {
        return String.join(", ", routes().stream().map(ScalingRoute::label).toList());
    }

    public Set<LessonTag> tags() {
        return lesson.getTags();
    }

    /** The tags in Dutch, comma-separated; empty without a tag. */
    public String tagLabels() {
        return String.join(", ", tags().stream().map(LessonTag::label).toList());
    }

    /**
     * Whether the viewer may open the deal's page: every deal when {@code onlyLead} is null (the programme office and
     * administrators), otherwise only a deal that {@code onlyLead} leads or is a deputy of.
     */
    public boolean dealVisibleTo(String onlyLead) {
        return onlyLead == null || deal.isLedBy(onlyLead);
    }
}
