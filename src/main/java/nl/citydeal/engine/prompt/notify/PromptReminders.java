package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;

/**
 * The daily reminder run: a still open prompt is announced once to each addressee when its date comes within their
 * lead time (their choice on Mijn instellingen, else {@code citydeal.reminders.lead-time}, default 14 days), and
 * reminded of once on its date unless its prompt mail went out that day already. An addressee who turned reminder
 * mails off gets neither (the prompt mail itself, when the prompt fires, still goes). Done prompts get nothing.
 * Escalations are not announced: they fall due only if the scaling plan is still missing, and their own mail is the
 * message. Every node runs this; each mail is recorded once.
 */
@Component
public class PromptReminders {

    private static final Logger log = LoggerFactory.getLogger(PromptReminders.class);

    private final Prompts promptLog;
    private final PromptNotifications notifications;
    private final NotificationSettings settings;
    private final Clock clock;

    public PromptReminders(
            Prompts promptLog, PromptNotifications notifications, NotificationSettings settings, Clock clock) {
        this.promptLog = promptLog;
        this.notifications = notifications;
        this.settings = settings;
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
        NotificationSettings.Snapshot choices = settings.snapshot();
        // the longest lead time anyone may have; each addressee's own is checked per prompt
        Instant horizon = choices.leadTimes().stream()
                .map(leadTime -> here.plus(leadTime).toInstant())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        int recorded = 0;
        for (Prompt prompt : promptLog.openDueBefore(horizon)) {
            if (prompt.getKind() == PromptKind.SCALING_PLAN_ESCALATION) {
                continue;
            }
            LocalDate due = prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate();
            if (due.equals(today)) {
                recorded += notifications.remind(
                        prompt.getId(), NotificationKind.REMINDER_DUE, today, choices::reminderMail);
            } else if (due.isAfter(today)) {
                Instant dueAt = prompt.getDueAt();
                recorded += notifications.remind(
                        prompt.getId(),
                        NotificationKind.REMINDER_BEFORE,
                        today,
                        to -> choices.reminderMail(to)
                                && dueAt.isBefore(
                                        here.plus(choices.leadTime(to)).toInstant()));
            }
        }
        return recorded;
    }
}
