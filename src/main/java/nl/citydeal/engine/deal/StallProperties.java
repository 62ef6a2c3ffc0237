package nl.citydeal.engine.deal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a deal counts as stalled ({@code citydeal.stall.*}), in whole weeks.
 *
 * @param scalingDecisionWeeks how long the scaling decision may stay open (from the deal entering the phase) before
 *                             the deal is stalled (default 12)
 * @param sentBackWeeks        how long a proposal the programme office sent back may stay untouched (no step of the
 *                             deal completed since) before the deal is stalled (default 4)
 * @param escalateAfterWeeks   how long a deal is stalled before the programme office is prompted to discuss it
 *                             (default 4; 0 prompts at once)
 * @param cron                 when the daily run that prompts the programme office starts (Europe/Amsterdam)
 */
@ConfigurationProperties("citydeal.stall")
public record StallProperties(
        Integer scalingDecisionWeeks, Integer sentBackWeeks, Integer escalateAfterWeeks, String cron) {

    public StallProperties {
        scalingDecisionWeeks = scalingDecisionWeeks == null || scalingDecisionWeeks < 1 ? 12 : scalingDecisionWeeks;
        sentBackWeeks = sentBackWeeks == null || sentBackWeeks < 1 ? 4 : sentBackWeeks;
        escalateAfterWeeks = escalateAfterWeeks == null || escalateAfterWeeks < 0 ? 4 : escalateAfterWeeks;
        cron = cron == null || cron.isBlank() ? "0 30 10 * * *" : cron;
    }

    /** The defaults. */
    public static StallProperties defaults() {
        return new StallProperties(null, null, null, null);
    }

    /** How long a deal may wait for the reason before it is stalled. */
    public Duration allowed(Stall.Reason reason) {
        return weeks(reason == Stall.Reason.SCALING_DECISION_OPEN ? scalingDecisionWeeks : sentBackWeeks);
    }

    public Duration escalateAfter() {
        return weeks(escalateAfterWeeks);
    }

    static Duration weeks(int weeks) {
        return Duration.ofDays(7L * weeks);
    }
}
