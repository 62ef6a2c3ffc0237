package nl.citydeal.engine.deal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static nl.citydeal.engine.deal.ScalingRoute.*;
import static org.assertj.core.api.Assertions.assertThat;

class AdvisedRouteTest {

    @Test
    void adviceThatCanBeTakenTogetherIsPreTicked() {
        List<AdvisedRoute> advice = List.of(
                new AdvisedRoute(EMBED_IN_POLICY, "eigenaar gevonden"),
                new AdvisedRoute(KNOWLEDGE_NETWORK, "kennis borgen"));
        assertThat(AdvisedRoute.combinable(advice)).containsExactly(EMBED_IN_POLICY, KNOWLEDGE_NETWORK);
    }

    @Test
    void alternativesAreNotPreTicked() {
        List<AdvisedRoute> advice =
                List.of(new AdvisedRoute(EXTENSION, "meer tijd"), new AdvisedRoute(KNOWLEDGE_NETWORK, "kennis borgen"));
        assertThat(AdvisedRoute.combinable(advice)).isEmpty();
    }

    @Test
    void adviceIsDescribedOneRouteALine() {
        String text =
                AdvisedRoute.describe(List.of(new AdvisedRoute(STOP, "niet bereikt"), new AdvisedRoute(MERGE, null)));
        assertThat(text)
                .isEqualTo(
                        "Geadviseerde routes:\n- Stoppen en lessen delen: niet bereikt\n- Opgaan in een andere deal of netwerk");
    }
}
