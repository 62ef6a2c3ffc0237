package nl.citydeal.engine.prompt.notify;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders and the digest go out ({@code citydeal.reminders.*}, {@code citydeal.digest.*} hold the crons).
 *
 * @param leadTime how long before its date a still open prompt is announced (default 14 days)
 * @param cron     when the daily reminder run starts (Europe/Amsterdam), after the prompts of the day fired at 09:00
 */
@ConfigurationProperties("citydeal.reminders")
public record ReminderProperties(Period leadTime, String cron) {

    public ReminderProperties {
        leadTime = leadTime == null ? Period.ofDays(14) : leadTime;
        cron = cron == null || cron.isBlank() ? "0 0 10 * * *" : cron;
    }
}
