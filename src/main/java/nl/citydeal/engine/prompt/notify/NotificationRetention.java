package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.prompt.calendar.CalendarSubscription;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptionRepository;

/**
 * What the prompts keep of people and deals, and for how long (docs/operations.md, "Retention"): a closed deal's mails
 * go with its case file, settled mails after {@code citydeal.retention.settled-mails}, and of a user who no longer
 * exists (deleted in the Admin webapp or the engine's API) the pending mails are cancelled and the calendar
 * subscription and settings removed.
 */
@Service
@Transactional
public class NotificationRetention {

    /** Why a pending mail to a user who was deleted is not sent (shown on the outbox page). */
    public static final String RECIPIENT_LEFT = "De ontvanger bestaat niet meer (gebruiker verwijderd).";

    private final NotificationRepository notifications;
    private final UserSettingRepository settings;
    private final CalendarSubscriptionRepository subscriptions;
    private final Recipients recipients;

    public NotificationRetention(
            NotificationRepository notifications,
            UserSettingRepository settings,
            CalendarSubscriptionRepository subscriptions,
            Recipients recipients) {
        this.notifications = notifications;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.recipients = recipients;
    }

    /** Removes all mails about the deal, in whatever state. */
    public int removeMailsOf(String dealId) {
        return notifications.deleteByDeal(dealId);
    }

    /** Removes the mails that were sent, failed or cancelled before the moment; pending ones stay. */
    public int removeSettledBefore(Instant before) {
        return notifications.deleteSettledBefore(before);
    }

    /**
     * For each user that has settings, a calendar subscription or pending mails here but no longer exists: cancels
     * their pending mails, removes their subscription and settings. Returns the users handled.
     */
    public Set<String> forgetLeftUsers(Instant now) {
        Set<String> known = new TreeSet<>(notifications.pendingRecipients());
        settings.findAll().forEach(setting -> known.add(setting.getUserId()));
        subscriptions.findAll().stream().map(CalendarSubscription::getUserId).forEach(known::add);
        Set<String> left = new TreeSet<>();
        for (String userId : known) {
            if (recipients.user(userId).isEmpty()) {
                left.add(userId);
                List<Long> pending = notifications.pendingFor(userId);
                if (!pending.isEmpty()) {
                    notifications.cancel(pending, RECIPIENT_LEFT, now);
                }
                settings.deleteByUser(userId);
                subscriptions.deleteByUser(userId);
            }
        }
        return left;
    }
}
