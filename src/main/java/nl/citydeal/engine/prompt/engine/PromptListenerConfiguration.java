package nl.citydeal.engine.prompt.engine;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.notify.PromptNotifications;

/**
 * The listeners the model binds by name at the timers that raise a prompt ({@code ${fireMidTermReviewPromptListener}}):
 * one per prompt kind, so no code maps timer ids to kinds.
 */
@Configuration(proxyBeanMethods = false)
class PromptListenerConfiguration {

    private final Prompts prompts;
    private final PromptNotifications notifications;
    private final Clock clock;

    PromptListenerConfiguration(Prompts prompts, PromptNotifications notifications, Clock clock) {
        this.prompts = prompts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Bean
    FirePromptListener fireOwnershipConversationPromptListener() {
        return fire(PromptKind.OWNERSHIP_CONVERSATION);
    }

    @Bean
    FirePromptListener fireScalingExplorationPromptListener() {
        return fire(PromptKind.SCALING_EXPLORATION);
    }

    @Bean
    FirePromptListener fireScalingPlanDuePromptListener() {
        return fire(PromptKind.SCALING_PLAN_DUE);
    }

    @Bean
    FirePromptListener fireScalingPlanEscalationPromptListener() {
        return fire(PromptKind.SCALING_PLAN_ESCALATION);
    }

    @Bean
    FirePromptListener fireMidTermReviewPromptListener() {
        return fire(PromptKind.MID_TERM_REVIEW);
    }

    @Bean
    FirePromptListener fireAnswerabilityReviewPromptListener() {
        return fire(PromptKind.ANSWERABILITY_REVIEW);
    }

    private FirePromptListener fire(PromptKind kind) {
        return new FirePromptListener(kind, prompts, notifications, clock);
    }
}
