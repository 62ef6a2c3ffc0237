package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.system.InvalidInputException;

/**
 * Each user's choices about their mails (Mijn instellingen, "Meldingen"), stored in {@code user_setting} with the
 * defaults in the code: the weekly digest on for the programme office (every deal) and off for everyone else (who
 * may turn on a digest of the deals they lead or are a deputy of); the reminder lead time of
 * {@code citydeal.reminders.lead-time}, or one of {@link LeadTimes}; reminder mails on. A choice equal to its default
 * is stored as "no choice", so it follows the default when that changes. Prompt mails always go.
 */
@Service
@Transactional
public class NotificationSettings {

    static final String ON = "aan";
    static final String OFF = "uit";

    private final UserSettingRepository repository;
    private final Recipients recipients;
    private final ReminderProperties reminders;
    private final Clock clock;

    public NotificationSettings(
            UserSettingRepository repository, Recipients recipients, ReminderProperties reminders, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** What the user submitted on the form: "aan" or "uit" for the two switches, a lead time as ISO-8601 (P14D). */
    public record Choice(String weeklyDigest, String reminderLeadTime, String reminderMail) {}

    /** The lead time of a user who chose none ({@code citydeal.reminders.lead-time}). */
    public Period defaultLeadTime() {
        return reminders.leadTime();
    }

    /** The lead times a user chooses from, shortest first. */
    public List<Period> leadTimes() {
        return LeadTimes.with(reminders.leadTime());
    }

    /** The user's settings as they apply now. */
    @Transactional(readOnly = true)
    public UserSettings of(String userId) {
        return settings(
                userId,
                recipients.isProgrammeOffice(userId),
                repository.findById(userId).orElse(null));
    }

    /**
     * Saves the user's choices, as {@code by}, after checking every one: a value that is not one of the choices is
     * a Dutch message per field ({@link InvalidInputException}) and nothing is saved.
     */
    public UserSettings save(String userId, Choice choice, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        Boolean digest = onOff(choice.weeklyDigest());
        if (digest == null) {
            errors.put("weeklyDigest", "Kies of u het weekoverzicht wilt ontvangen: aan of uit.");
        }
        Boolean mail = onOff(choice.reminderMail());
        if (mail == null) {
            errors.put("reminderMail", "Kies of u herinneringen per mail wilt ontvangen: aan of uit.");
        }
        Period leadTime = LeadTimes.parse(choice.reminderLeadTime())
                .filter(leadTimes()::contains)
                .orElse(null);
        if (leadTime == null) {
            errors.put(
                    "reminderLeadTime",
                    "Kies een termijn voor herinneringen uit de lijst: "
                            + leadTimes().stream().map(LeadTimes::label).collect(Collectors.joining(", "))
                            + ".");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean programmeOffice = recipients.isProgrammeOffice(userId);
        UserSettings.Defaults defaults = defaults(programmeOffice);
        UserSetting row = repository.findById(userId).orElseGet(() -> new UserSetting(userId));
        row.change(
                digest == defaults.weeklyDigest() ? null : digest,
                leadTime.equals(defaults.reminderLeadTime()) ? null : leadTime,
                mail == defaults.reminderMail() ? null : mail,
                by,
                clock.instant());
        return settings(userId, programmeOffice, repository.save(row));
    }

    /** The users whose settings differ from the defaults, by user id. */
    @Transactional(readOnly = true)
    public List<UserSettings> deviating() {
        Set<String> office = programmeOfficeIds();
        return repository.findAllByOrderByUserId().stream()
                .map(row -> settings(row.getUserId(), office.contains(row.getUserId()), row))
                .filter(UserSettings::deviates)
                .toList();
    }

    /** Every stored choice at this moment, for one run of the reminders or the digest. */
    @Transactional(readOnly = true)
    public Snapshot snapshot() {
        return new Snapshot(
                repository.findAll().stream().collect(Collectors.toMap(UserSetting::getUserId, Function.identity())),
                reminders.leadTime(),
                leadTimes());
    }

    /** The stored choices of every user, read once; the defaults for users (and shared mailboxes) without. */
    public record Snapshot(Map<String, UserSetting> rows, Period defaultLeadTime, List<Period> leadTimes) {

        public Snapshot {
            rows = Map.copyOf(rows);
            leadTimes = List.copyOf(leadTimes);
        }

        /** Whether the recipient gets reminder mails (a shared mailbox: always). */
        public boolean reminderMail(Recipient to) {
            UserSetting row = row(to);
            return row == null || row.getReminderMail() == null || row.getReminderMail();
        }

        /** The recipient's lead time (a shared mailbox: the default). */
        public Period leadTime(Recipient to) {
            UserSetting row = row(to);
            return row == null || row.getReminderLeadTime() == null ? defaultLeadTime : row.getReminderLeadTime();
        }

        /** Whether a member of the programme office gets the digest of every deal (unless they turned it off). */
        public boolean officeDigest(String userId) {
            UserSetting row = userId == null ? null : rows.get(userId);
            return row == null || row.getWeeklyDigest() == null || row.getWeeklyDigest();
        }

        /** The users who turned the digest on, by user id; for those outside the programme office: of own deals. */
        public List<String> digestOptIns() {
            return rows.values().stream()
                    .filter(row -> Boolean.TRUE.equals(row.getWeeklyDigest()))
                    .map(UserSetting::getUserId)
                    .sorted()
                    .toList();
        }

        private UserSetting row(Recipient to) {
            return to == null || to.userId() == null ? null : rows.get(to.userId());
        }
    }

    private UserSettings settings(String userId, boolean programmeOffice, UserSetting row) {
        UserSettings.Defaults defaults = defaults(programmeOffice);
        if (row == null) {
            return new UserSettings(
                    userId,
                    programmeOffice,
                    defaults.weeklyDigest(),
                    defaults.reminderLeadTime(),
                    defaults.reminderMail(),
                    defaults,
                    null,
                    null);
        }
        return new UserSettings(
                userId,
                programmeOffice,
                row.getWeeklyDigest() == null ? defaults.weeklyDigest() : row.getWeeklyDigest(),
                row.getReminderLeadTime() == null ? defaults.reminderLeadTime() : row.getReminderLeadTime(),
                row.getReminderMail() == null ? defaults.reminderMail() : row.getReminderMail(),
                defaults,
                row.getChangedBy(),
                row.getChangedAt());
    }

    private UserSettings.Defaults defaults(boolean programmeOffice) {
        return new UserSettings.Defaults(programmeOffice, reminders.leadTime(), true);
    }

    private Set<String> programmeOfficeIds() {
        return recipients.programmeOffice().stream().map(Recipient::userId).collect(Collectors.toSet());
    }

    private static Boolean onOff(String value) {
        if (ON.equals(value)) {
            return true;
        }
        return OFF.equals(value) ? false : null;
    }
}
