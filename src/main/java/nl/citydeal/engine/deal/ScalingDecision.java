package nl.citydeal.engine.deal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The routes a deal lead and the programme office chose at the scaling decision. Several routes may be taken
 * at once; an extension sends the deal back into experimentation and so stands alone, and a deal that stops
 * cannot at the same time start a follow-up City Deal.
 */
public record ScalingDecision(Set<ScalingRoute> routes, String rationale) {

    public ScalingDecision {
        routes = routes.isEmpty() ? EnumSet.noneOf(ScalingRoute.class) : EnumSet.copyOf(routes);
        if (routes.isEmpty()) {
            throw new InvalidDealException("routes", "Kies minstens één route.");
        }
        if (routes.contains(ScalingRoute.EXTENSION) && routes.size() > 1) {
            throw new InvalidDealException(
                    "routes",
                    "Een verlenging gaat terug naar de experimenteerfase en kan niet samen met andere routes gekozen worden.");
        }
        if (routes.contains(ScalingRoute.STOP) && routes.contains(ScalingRoute.FOLLOW_UP_DEAL)) {
            throw new InvalidDealException("routes", "Stoppen en een vervolg-City Deal sluiten elkaar uit.");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidDealException("scalingDecisionRationale", "Onderbouw het besluit.");
        }
    }
}
