package nl.citydeal.engine.deal;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static nl.citydeal.engine.deal.ScalingRoute.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingDecisionTest {

    @Test
    void severalRoutesMayBeTakenAtOnce() {
        ScalingDecision decision =
                new ScalingDecision(Set.of(EMBED_IN_POLICY, KNOWLEDGE_NETWORK, NATIONAL_ROLLOUT), "Breed gedragen");
        assertThat(decision.routes()).containsExactly(EMBED_IN_POLICY, KNOWLEDGE_NETWORK, NATIONAL_ROLLOUT);
    }

    @Test
    void decisionWithoutRouteIsRefused() {
        assertThatThrownBy(() -> new ScalingDecision(Set.of(), "x")).hasMessageContaining("minstens één route");
    }

    @Test
    void extensionStandsAlone() {
        assertThatThrownBy(() -> new ScalingDecision(Set.of(EXTENSION, KNOWLEDGE_NETWORK), "x"))
                .hasMessageContaining("verlenging");
    }

    @Test
    void stopExcludesFollowUpDeal() {
        assertThatThrownBy(() -> new ScalingDecision(Set.of(STOP, FOLLOW_UP_DEAL), "x"))
                .hasMessageContaining("sluiten elkaar uit");
        assertThat(new ScalingDecision(Set.of(STOP, KNOWLEDGE_NETWORK), "x").routes())
                .hasSize(2);
    }

    @Test
    void decisionNeedsRationale() {
        assertThatThrownBy(() -> new ScalingDecision(Set.of(STOP), " "))
                .isInstanceOfSatisfying(
                        InvalidDealException.class, e -> assertThat(e.field()).isEqualTo("scalingDecisionRationale"));
    }
}
