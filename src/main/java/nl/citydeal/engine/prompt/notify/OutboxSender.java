package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;

/**
 * Sends the outbox, on every node at once if need be, each mail once:
 * <ol>
 * <li>a node claims a mail with one guarded update ({@code claimedBy}, {@code claimedUntil} = now + lease, only if
 * it is pending, due and not held by a live claim): only the node whose update changed the row sends it;</li>
 * <li>it sends the mail over SMTP, with a Message-ID derived from the mail's id;</li>
 * <li>right after the SMTP server accepted it, it marks it sent in a transaction of its own. A failed attempt
 * waits (1 min, 5 min, 30 min, 2 h, then every 12 h) and any node may try again; after the last attempt the
 * mail is FAILED, still shown on the outbox page.</li>
 * </ol>
 * A node that dies after claiming leaves the mail to the next claim once the lease ends (another node, or itself
 * after the restart). The one window left: a node that dies after the SMTP server accepted the mail and before
 * the mark is committed, or whose send outlasts the lease, lets the mail go out a second time; receivers can
 * recognise it by its Message-ID.
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final String node;
    private final NotificationRepository notifications;
    private final PromptNotifications promptNotifications;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter sentMails;

    public OutboxSender(
            String node,
            NotificationRepository notifications,
            PromptNotifications promptNotifications,
            JavaMailSender mailSender,
            NotificationProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Counter sentMails) {
        this.node = node;
        this.notifications = notifications;
        this.promptNotifications = promptNotifications;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.sentMails = sentMails;
    }

    public String node() {
        return node;
    }

    /** The scheduled run: sends what is due now, batch after batch until nothing is left. */
    public int sendDue() {
        int total = 0;
        int sent;
        do {
            sent = sendDue(clock.instant());
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    /** Claims and sends one batch of the mails due at the moment; returns how many went out. */
    public int sendDue(Instant moment) {
        Instant now = moment.truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        for (Long id : claimDue(now)) {
            if (deliver(id, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** The first half of a run: claims up to a batch of due mails for this node, until the lease ends. */
    public List<Long> claimDue(Instant moment) {
        Instant now = moment.truncatedTo(ChronoUnit.MICROS);
        List<Long> sendable = transaction.execute(
                status -> notifications.findSendable(now, PageRequest.of(0, properties.batchSize())));
        List<Long> claimed = new ArrayList<>();
        for (Long id : sendable) {
            if (claim(id, now)) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    private boolean claim(Long id, Instant now) {
        try {
            Integer updated =
                    transaction.execute(status -> notifications.claim(id, node, now, now.plus(properties.lease())));
            return updated != null && updated == 1;
        } catch (RuntimeException concurrentClaim) {
            // the database refused a concurrent update of the same row: the other node has it
            log.debug("Node {} did not get notification {}: {}", node, id, concurrentClaim.getMessage());
            return false;
        }
    }

    /** The second half: sends one claimed mail and records the outcome. */
    boolean deliver(Long id, Instant now) {
        Notification notification =
                transaction.execute(status -> notifications.findById(id).orElseThrow());
        Optional<String> obsolete = promptNotifications.obsoleteBecause(notification);
        if (obsolete.isPresent()) {
            settle(id, NotificationStatus.CANCELLED, 0, obsolete.get());
            return false;
        }
        if (notification.getRecipientEmail() == null) {
            settle(
                    id,
                    NotificationStatus.FAILED,
                    1,
                    "Geen e-mailadres bekend voor %s.".formatted(notification.getRecipientUser()));
            return false;
        }
        try {
            mailSender.send(message(notification));
        } catch (MailException | MessagingException e) {
            failed(notification, now, e);
            return false;
        }
        sentMails.increment();
        Integer marked = transaction.execute(status -> notifications.markSent(id, node, now));
        if (marked == null || marked == 0) {
            log.warn("Notification {} was sent by node {} but had been settled by another node meanwhile", id, node);
        }
        return true;
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
        mail.setFrom(properties.from());
        mail.setTo(notification.getRecipientEmail());
        mail.setSubject(notification.getSubject());
        mail.setText(notification.getBody(), false);
        // kept by JavaMailSenderImpl when it saves the message: the same mail always has the same Message-ID
        message.setHeader("Message-ID", notification.messageId(properties.domain()));
        message.setHeader("X-CityDeal-Notification", String.valueOf(notification.getId()));
        return message;
    }

    private void failed(Notification notification, Instant now, Exception e) {
        int attempts = notification.getAttempts() + 1;
        String error = truncate("Verzenden mislukt (poging %d): %s".formatted(attempts, rootMessage(e)));
        if (attempts >= properties.maxAttempts()) {
            settle(notification.getId(), NotificationStatus.FAILED, 1, error);
            log.error(
                    "Notification {} to {} failed for good after {} attempts: {}",
                    notification.getId(),
                    notification.getRecipientEmail(),
                    attempts,
                    rootMessage(e));
        } else {
            Instant next = now.plus(properties.backoffAfter(attempts));
            transaction.execute(status -> notifications.markRetry(notification.getId(), node, next, error));
            log.warn(
                    "Notification {} to {} not sent (attempt {}), next attempt at {}: {}",
                    notification.getId(),
                    notification.getRecipientEmail(),
                    attempts,
                    next,
                    rootMessage(e));
        }
    }

    private void settle(Long id, NotificationStatus status, int attempted, String reason) {
        transaction.execute(tx -> notifications.markSettled(id, node, status, attempted, truncate(reason)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
