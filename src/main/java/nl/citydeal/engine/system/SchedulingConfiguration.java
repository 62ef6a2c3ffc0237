package nl.citydeal.engine.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the application's scheduled jobs (the outbox sender, the daily reminders, the weekly digest, the nightly
 * retention run). Tests switch
 * it off with {@code citydeal.scheduling.enabled=false} and call the jobs themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "citydeal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
