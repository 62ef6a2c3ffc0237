package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;

/**
 * The daily reminder run: a still open prompt is announced once when its date comes within the lead time (default
 * 14 days), and reminded of once on its date unless its prompt mail went out that day already. Done prompts get
 * nothing. Escalations are not announced: they fall due only if the scaling plan is still missing, and their own
 * mail is the message. Every node runs this; each mail is recorded once.
 */
@Component
public class PromptReminders {

    private static final Logger log = LoggerFactory.getLogger(PromptReminders.class);

    private final Prompts promptLog;
    private final PromptNotifications notifications;
    private final ReminderProperties properties;
    private final Clock clock;

    public PromptReminders(
            Prompts promptLog, PromptNotifications notifications, ReminderProperties properties, Clock clock) {
        this.promptLog = promptLog;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${citydeal.reminders.cron:0 0 10 * * *}", zone = "Europe/Amsterdam")
    void daily() {
        int recorded = remind(clock.instant());
        if (recorded > 0) {
            log.info("Recorded {} reminder mail(s)", recorded);
        }
    }

    /** Records the reminders due at the moment; returns how many mails were recorded. */
    public int remind(Instant now) {
        ZonedDateTime here = now.atZone(PromptSchedule.ZONE);
        LocalDate today = here.toLocalDate();
        Instant horizon = here.plus(properties.leadTime()).toInstant();
        int recorded = 0;
        for (Prompt prompt : promptLog.openDueBefore(horizon)) {
            if (prompt.getKind() == PromptKind.SCALING_PLAN_ESCALATION) {
                continue;
            }
            LocalDate due = prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate();
            if (due.equals(today)) {
                recorded += notifications.remind(prompt.getId(), NotificationKind.REMINDER_DUE, today);
            } else if (due.isAfter(today)) {
                recorded += notifications.remind(prompt.getId(), NotificationKind.REMINDER_BEFORE, today);
            }
        }
        return recorded;
    }
}
