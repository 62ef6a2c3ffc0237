package nl.citydeal.engine.prompt;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code citydeal_prompts_due}: prompts of all deals that fell due and are not done yet, read from the database
 * when scraped (every node reports the same number: aggregate with {@code max}). The prompts each node fired are
 * counted by {@link Prompts} ({@code citydeal_prompts_fired_total}).
 */
@Component
class PromptMetrics implements MeterBinder {

    private final PromptRepository prompts;

    PromptMetrics(PromptRepository prompts) {
        this.prompts = prompts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("citydeal.prompts.due", prompts, repository -> repository.countByStatus(PromptStatus.DUE))
                .description("Prompts of all deals that fell due and are not done yet")
                .strongReference(true)
                .register(registry);
    }
}
