package nl.citydeal.engine.deal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One route the {@code scaling-route-advice} decision recommends, with its reason. */
public record AdvisedRoute(ScalingRoute route, String reason) {

    /**
     * The advised routes when they make a valid decision together; otherwise none, because the advice then
     * offers alternatives (e.g. an extension or embedding) that the deal lead must choose between.
     */
    public static Set<ScalingRoute> combinable(List<AdvisedRoute> advice) {
        Set<ScalingRoute> routes = EnumSet.noneOf(ScalingRoute.class);
        advice.forEach(a -> routes.add(a.route()));
        try {
            return new ScalingDecision(routes, "advies").routes();
        } catch (InvalidDealException alternatives) {
            return EnumSet.noneOf(ScalingRoute.class);
        }
    }

    /** The advice as the decision form shows it, one route a line. */
    public static String describe(List<AdvisedRoute> advice) {
        if (advice.isEmpty()) {
            return "Geen route geadviseerd: kies zelf en onderbouw het besluit.";
        }
        return advice.stream()
                .map(a -> "- " + a.route().label()
                        + (a.reason() == null || a.reason().isBlank() ? "" : ": " + a.reason()))
                .collect(Collectors.joining("\n", "Geadviseerde routes:\n", ""));
    }
}
