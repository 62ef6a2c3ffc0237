package nl.citydeal.engine.prompt.notify;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox seen by Prometheus, read from the database when scraped (every node reports the same numbers:
 * aggregate with {@code max}): {@code citydeal_outbox_backlog}, mails waiting to be sent (retries included), and
 * {@code citydeal_outbox_failed}, mails given up on. The mails each node sent are counted by {@link OutboxDelivery}
 * ({@code citydeal_mails_sent_total}).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final NotificationRepository notifications;

    OutboxMetrics(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "citydeal.outbox.backlog",
                        notifications,
                        repository -> repository.countByStatus(NotificationStatus.PENDING))
                .description("Mails waiting in the outbox, retries included")
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "citydeal.outbox.failed",
                        notifications,
                        repository -> repository.countByStatus(NotificationStatus.FAILED))
                .description("Mails the outbox gave up on after the last attempt (or without an address)")
                .strongReference(true)
                .register(registry);
    }
}
