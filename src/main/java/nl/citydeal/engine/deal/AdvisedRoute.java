package nl.citydeal.engine.deal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One route the {@code scaling-route-advice} decision recommends, with its reason; kept with the deal. */
@Embeddable
public record AdvisedRoute(
        @Enumerated(EnumType.STRING) @Column(name = "route") ScalingRoute route,
        @Column(name = "reason") String reason) {

    /**
     * The advised routes when they make a valid decision together; otherwise none. The table is written so that its
     * advice always makes a valid decision ({@code ScalingRouteAdviceTableTest}); an administrator's changed table
     * that advises alternatives (e.g. an extension beside other routes) pre-ticks nothing.
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
