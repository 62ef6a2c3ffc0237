package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's mail settings as they apply (Mijn instellingen, "Meldingen"): each choice, or its default where the user
 * made none. Prompt mails themselves always go and have no setting.
 *
 * @param userId           the user
 * @param programmeOffice  whether the user is in the programme office: their digest covers every deal (default on);
 *                         anyone else's covers the deals they lead or are a deputy of (default off)
 * @param weeklyDigest     whether the user gets the weekly digest
 * @param reminderLeadTime how long before its date a still open prompt is announced to the user
 * @param reminderMail     whether the user gets reminder mails (the announcement and the reminder on the date)
 * @param defaults         what the user gets without a choice of their own
 * @param changedBy        who last saved the settings (null: never saved)
 * @param changedAt        when (null: never saved)
 */
public record UserSettings(
        String userId,
        boolean programmeOffice,
        boolean weeklyDigest,
        Period reminderLeadTime,
        boolean reminderMail,
        Defaults defaults,
        String changedBy,
        Instant changedAt) {

    /** The settings of a user who chose nothing. */
    public record Defaults(boolean weeklyDigest, Period reminderLeadTime, boolean reminderMail) {}

    /** Whether any choice differs from its default. */
    public boolean deviates() {
        return !deviations().isEmpty();
    }

    /** What differs from the defaults, in Dutch ("Geen weekoverzicht", "Herinneringen 4 weken vooraf"). */
    public List<String> deviations() {
        List<String> deviations = new ArrayList<>();
        if (weeklyDigest != defaults.weeklyDigest()) {
            deviations.add(programmeOffice ? "Geen weekoverzicht" : "Weekoverzicht van eigen deals");
        }
        if (reminderMail != defaults.reminderMail()) {
            deviations.add(reminderMail ? "Herinneringsmails aan" : "Geen herinneringsmails");
        }
        if (!reminderLeadTime.equals(defaults.reminderLeadTime())) {
            deviations.add("Herinneringen %s vooraf (standaard %s)"
                    .formatted(LeadTimes.label(reminderLeadTime), LeadTimes.label(defaults.reminderLeadTime())));
        }
        return deviations;
    }
}
