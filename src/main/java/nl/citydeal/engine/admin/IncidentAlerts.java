package nl.citydeal.engine.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.prompt.PromptLinks;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.prompt.notify.MailText;
import nl.citydeal.engine.prompt.notify.NotificationKind;
import nl.citydeal.engine.prompt.notify.Outbox;

/**
 * Mails the administrators when something fails: every node looks every {@code citydeal.incidents.check-interval}
 * for incidents not announced yet and records one mail per administrator listing them. A notice per incident
 * (unique) makes it once across nodes; the notice goes when its incident is resolved, so one that comes back is
 * announced again. A mail about incidents that itself fails is listed on the page, not announced (no loop).
 */
@Component
public class IncidentAlerts {

    private static final Logger log = LoggerFactory.getLogger(IncidentAlerts.class);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Incidents incidents;
    private final IncidentNoticeRepository notices;
    private final Recipients recipients;
    private final Outbox outbox;
    private final PromptLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IncidentAlerts(
            Incidents incidents,
            IncidentNoticeRepository notices,
            Recipients recipients,
            Outbox outbox,
            PromptLinks links,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.incidents = incidents;
        this.notices = notices;
        this.recipients = recipients;
        this.outbox = outbox;
        this.links = links;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${citydeal.incidents.check-interval:PT1M}",
            initialDelayString = "${citydeal.incidents.check-interval:PT1M}")
    void scheduled() {
        try {
            int announced = check();
            if (announced > 0) {
                log.warn("{} new incident(s); the administrators are mailed, see /admin/incidents", announced);
            }
        } catch (RuntimeException e) {
            log.warn("The check for new incidents stopped; the next check tries again: {}", e.toString());
        }
    }

    /** Records the administrators' mail about the incidents not announced yet; answers how many were announced. */
    public int check() {
        List<Incident> open = incidents.open();
        Set<String> openRefs = new HashSet<>();
        open.forEach(incident -> openRefs.add(incident.ref()));
        Set<String> noticed = new HashSet<>(notices.refs());
        Set<String> resolved = new HashSet<>(noticed);
        resolved.removeAll(openRefs);
        if (!resolved.isEmpty()) {
            transaction.executeWithoutResult(status -> notices.deleteByRefIn(resolved));
        }
        List<Incident> fresh = open.stream()
                .filter(Incident::mailAdministrators)
                .filter(incident -> !noticed.contains(incident.ref()))
                .toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Recipient> administrators = recipients.administrators();
        try {
            transaction.executeWithoutResult(status -> {
                Long first = null;
                for (Incident incident : fresh) {
                    IncidentNotice notice = notices.saveAndFlush(new IncidentNotice(incident.ref(), clock.instant()));
                    first = first == null ? notice.getId() : Math.min(first, notice.getId());
                }
                for (Recipient administrator : administrators) {
                    outbox.record(new Outbox.Entry(
                            "incidents:%d:%s".formatted(first, administrator.userId()),
                            NotificationKind.INCIDENT,
                            null,
                            null,
                            null,
                            null,
                            administrator,
                            text(administrator, fresh)));
                }
            });
            return fresh.size();
        } catch (DataIntegrityViolationException announcedByAnotherNode) {
            return 0;
        }
    }

    MailText text(Recipient administrator, List<Incident> fresh) {
        String subject = fresh.size() == 1
                ? "Storing in City Deal Engine: " + fresh.get(0).what()
                : "%d nieuwe storingen in City Deal Engine".formatted(fresh.size());
        StringBuilder body = new StringBuilder("Beste ")
                .append(administrator.displayName())
                .append(",\n\n")
                .append(
                        fresh.size() == 1
                                ? "Er is iets misgegaan dat op een beheerder wacht:\n"
                                : "Er is %d keer iets misgegaan dat op een beheerder wacht:\n".formatted(fresh.size()));
        for (Incident incident : fresh) {
            body.append("\n  - ").append(incident.what());
            if (incident.dealName() != null) {
                body.append(" (").append(incident.dealName()).append(')');
            }
            body.append(", ")
                    .append(incident.since().atZone(PromptSchedule.ZONE).format(MOMENT))
                    .append("\n    Oorzaak: ")
                    .append(incident.cause())
                    .append('\n');
        }
        body.append("\nBekijk de oorzaak en probeer het opnieuw: ")
                .append(links.incidents())
                .append("\n\nMet vriendelijke groet,\nCity Deal Engine\n");
        return new MailText(subject, body.toString());
    }
}
