package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs this node's {@link OutboxSender} every {@code citydeal.mail.send-interval} when a mail server is configured
 * ({@code spring.mail.host}, or {@code CITYDEAL_MAIL_HOST}). Without one (the demo) nothing is sent: mails wait in
 * the outbox, where administrators read them on the outbox page.
 */
@Component
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final NotificationRepository notifications;
    private final PromptNotifications promptNotifications;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;
    private final Counter sentMails;
    private final OutboxSender sender;

    public OutboxDelivery(
            NotificationRepository notifications,
            PromptNotifications promptNotifications,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.promptNotifications = promptNotifications;
        this.mailSender = mailSender.getIfAvailable();
        this.properties = properties;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.sentMails = Counter.builder("citydeal.mails.sent")
                .description("Mails this node handed to the SMTP server (sum over the nodes for the cluster)")
                .register(meters);
        this.sender = this.mailSender == null ? null : newSender(properties.node());
        if (this.mailSender == null) {
            log.info(
                    "No mail server configured (spring.mail.host / CITYDEAL_MAIL_HOST): mails wait in the outbox, see /admin/outbox");
        }
    }

    public boolean mailEnabled() {
        return sender != null;
    }

    /** This node's sender, when a mail server is configured. */
    public Optional<OutboxSender> sender() {
        return Optional.ofNullable(sender);
    }

    /** A sender under another node name, as a second node would run it (for tests and tools). */
    public OutboxSender newSender(String node) {
        if (mailSender == null) {
            throw new IllegalStateException("No mail server configured");
        }
        return new OutboxSender(
                node, notifications, promptNotifications, mailSender, properties, transactionManager, clock, sentMails);
    }

    @Scheduled(
            fixedDelayString = "${citydeal.mail.send-interval:PT30S}",
            initialDelayString = "${citydeal.mail.send-interval:PT30S}")
    void run() {
        if (sender == null) {
            return;
        }
        try {
            int sent = sender.sendDue();
            if (sent > 0) {
                log.info("Node {} sent {} mail(s)", sender.node(), sent);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox run on node {} stopped; the next run tries again: {}", sender.node(), e.toString());
        }
    }
}
