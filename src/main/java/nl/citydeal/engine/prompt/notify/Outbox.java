package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Recipient;

/**
 * Records mails. Each mail has a key that names it (e.g. the due-date mail of one prompt to one person); a mail whose
 * key is recorded already is not recorded again, and the database's unique key holds against concurrent writers.
 */
@Service
public class Outbox {

    private final NotificationRepository notifications;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public Outbox(NotificationRepository notifications, PlatformTransactionManager transactionManager, Clock clock) {
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** One mail to record. */
    public record Entry(
            String dedupeKey,
            NotificationKind kind,
            String dealId,
            Long promptId,
            PromptKind promptKind,
            Instant dueAt,
            Recipient to,
            MailText text) {}

    /** Records the mail in the caller's transaction (the prompt firing), unless it is recorded already. */
    @Transactional
    public boolean record(Entry entry) {
        if (notifications.existsByDedupeKey(entry.dedupeKey())) {
            return false;
        }
        notifications.save(new Notification(
                entry.dedupeKey(),
                entry.kind(),
                entry.dealId(),
                entry.promptId(),
                entry.promptKind(),
                entry.dueAt(),
                entry.to().userId(),
                entry.to().email(),
                entry.text().subject(),
                entry.text().body(),
                clock.instant()));
        return true;
    }

    /**
     * Records the mail in a transaction of its own, for scheduled jobs that every node runs: the node that comes
     * second finds the mail recorded (or hits the unique key) and records nothing.
     */
    public boolean recordOnce(Entry entry) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> record(entry)));
        } catch (DataIntegrityViolationException recordedByAnotherNode) {
            return false;
        }
    }

    /** The newest mails first, for the outbox page. */
    @Transactional(readOnly = true)
    public List<Notification> newest(int max) {
        return notifications.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(0, max));
    }

    @Transactional(readOnly = true)
    public long count(NotificationStatus status) {
        return notifications.countByStatus(status);
    }

    /** The mails given up (after their last attempt, or for want of an address), newest first. */
    @Transactional(readOnly = true)
    public List<Notification> failed(int max) {
        return notifications.findByStatusOrderByCreatedAtDescIdDesc(NotificationStatus.FAILED, PageRequest.of(0, max));
    }

    @Transactional(readOnly = true)
    public Optional<Notification> find(Long id) {
        return notifications.findById(id);
    }

    /**
     * Tries a mail given up once more, now, to {@code email} (the recipient's current address); false when the mail
     * is not (or no longer) given up.
     */
    @Transactional
    public boolean retry(Long id, String email) {
        return notifications.retryFailed(id, email, clock.instant().truncatedTo(ChronoUnit.MICROS)) == 1;
    }

    /** Lets a mail given up go (cancelled, with the reason); false when it is not (or no longer) given up. */
    @Transactional
    public boolean dismiss(Long id, String reason) {
        return notifications.dismissFailed(id, reason) == 1;
    }

    /** The mail on the due date of a prompt: the prompt mail when it fires, or the due-date reminder; one of them. */
    static String dueKey(String dealId, PromptKind kind, Instant dueAt, Recipient to) {
        return "due:%s:%s:%d:%s".formatted(dealId, kind, dueAt.getEpochSecond(), recipientKey(to));
    }

    /** The announcement ahead of a prompt's date; a prompt whose date moves is announced again for its new date. */
    static String beforeKey(String dealId, PromptKind kind, Instant dueAt, Recipient to) {
        return "before:%s:%s:%d:%s".formatted(dealId, kind, dueAt.getEpochSecond(), recipientKey(to));
    }

    /** The prompt about one stall of a deal (its reason, since when): once per stall and person. */
    static String stallKey(String dealId, String reason, Instant since, Recipient to) {
        return "stall:%s:%s:%d:%s".formatted(dealId, reason, since.getEpochSecond(), recipientKey(to));
    }

    static String digestKey(String week, Recipient to) {
        return "digest:%s:%s".formatted(week, recipientKey(to));
    }

    private static String recipientKey(Recipient to) {
        if (to.userId() != null) {
            return "user:" + to.userId();
        }
        String email = to.email() == null ? "" : to.email().toLowerCase(Locale.ROOT);
        return "mail:" + (email.length() > 120 ? Integer.toHexString(email.hashCode()) : email);
    }
}
