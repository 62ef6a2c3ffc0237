package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's stored choices about their mails (table {@code user_setting}, one row per user). A null choice is the
 * default, which {@link NotificationSettings} holds; who changed the row last, and when, is kept with it.
 */
@Entity
@Table(name = "user_setting")
public class UserSetting {

    @Id
    private String userId;

    private Boolean weeklyDigest;
    private String reminderLeadTime;
    private Boolean reminderMail;
    private String changedBy;
    private Instant changedAt;

    protected UserSetting() {}

    UserSetting(String userId) {
        this.userId = userId;
    }

    void change(Boolean weeklyDigest, Period reminderLeadTime, Boolean reminderMail, String by, Instant at) {
        this.weeklyDigest = weeklyDigest;
        this.reminderLeadTime = reminderLeadTime == null ? null : reminderLeadTime.toString();
        this.reminderMail = reminderMail;
        this.changedBy = by;
        this.changedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public String getUserId() {
        return userId;
    }

    /** The digest choice; null: the default of the user's role. */
    public Boolean getWeeklyDigest() {
        return weeklyDigest;
    }

    /** The lead time chosen; null: the default ({@code citydeal.reminders.lead-time}). */
    public Period getReminderLeadTime() {
        return reminderLeadTime == null ? null : Period.parse(reminderLeadTime);
    }

    /** The reminder-mail choice; null: the default (on). */
    public Boolean getReminderMail() {
        return reminderMail;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
