package nl.citydeal.engine.deal.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingRoute;

/**
 * The listeners the model binds by name where a deal enters a phase ({@code ${enterSigningPhaseListener}}), where a
 * participant is screened (before signing or joining late), where its experimentation ends and where a route's
 * hand-over ends (one bean per route, {@code record<Route>HandOverListener}). The model is the routing table: each bean knows its phase, none looks at activity ids.
 */
@Configuration(proxyBeanMethods = false)
class DealListenerConfiguration {

    @Bean
    EnterPhaseListener enterPreparationPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.PREPARATION, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterSigningPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.SIGNING, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterExperimentationPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.EXPERIMENTATION, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterScalingDecisionPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.SCALING_DECISION, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterScalingRoutesPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.SCALING_ROUTES, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterClosingPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.CLOSING, dealRegistry);
    }

    @Bean
    EnterPhaseListener enterClosedPhaseListener(DealRegistry dealRegistry) {
        return new EnterPhaseListener(DealPhase.CLOSED, dealRegistry);
    }

    @Bean
    ParticipantScreeningTaskListener participantScreeningTaskListener(DealRegistry dealRegistry) {
        return new ParticipantScreeningTaskListener(false, dealRegistry);
    }

    @Bean
    ParticipantScreeningTaskListener lateParticipantScreeningTaskListener(DealRegistry dealRegistry) {
        return new ParticipantScreeningTaskListener(true, dealRegistry);
    }

    /**
     * Bound by process versions before the early end became a joint decision; the current model records the
     * early end when the other party confirms it ({@link ConfirmEarlyEndListener}).
     */
    @Bean
    RecordExperimentationEndListener recordEarlyEndListener(DealRegistry dealRegistry) {
        return new RecordExperimentationEndListener("Vroegtijdig beëindigd door de dealtrekker", dealRegistry);
    }

    @Bean
    RecordExperimentationEndListener recordTermExpiryListener(DealRegistry dealRegistry) {
        return new RecordExperimentationEndListener("Looptijd verstreken", dealRegistry);
    }

    @Bean
    RecordHandOverListener recordEmbedInPolicyHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.EMBED_IN_POLICY, dealRegistry);
    }

    @Bean
    RecordHandOverListener recordChangeRegulationHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.CHANGE_REGULATION, dealRegistry);
    }

    @Bean
    RecordHandOverListener recordOtherDealFormHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.OTHER_DEAL_FORM, dealRegistry);
    }

    @Bean
    RecordHandOverListener recordMergeHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.MERGE, dealRegistry);
    }

    @Bean
    RecordHandOverListener recordKnowledgeNetworkHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.KNOWLEDGE_NETWORK, dealRegistry);
    }

    @Bean
    RecordHandOverListener recordNationalRolloutHandOverListener(DealRegistry dealRegistry) {
        return new RecordHandOverListener(ScalingRoute.NATIONAL_ROLLOUT, dealRegistry);
    }
}
