package nl.citydeal.engine.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.prompt.notify.DigestText;
import nl.citydeal.engine.prompt.notify.Notification;
import nl.citydeal.engine.prompt.notify.NotificationKind;
import nl.citydeal.engine.prompt.notify.NotificationStatus;
import nl.citydeal.engine.prompt.notify.OpenIncidents;
import nl.citydeal.engine.prompt.notify.Outbox;
import nl.citydeal.engine.system.ConflictException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;

/**
 * What failed and waits for an administrator, newest first: the engine's incidents (a job that gave up after its
 * last attempt: a prompt that could not fire, a step that could not run) and the mails given up (after their last
 * attempt, or for want of an address). An administrator retries one (the job runs again at once, the mail gets one
 * more attempt) or lets a mail go; both are audited.
 */
@Service
public class Incidents implements OpenIncidents {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final EngineIncidents engine;
    private final Outbox outbox;
    private final DealRegistry registry;
    private final Recipients recipients;
    private final PersonNames names;
    private final AuditTrail audit;
    private final IncidentProperties properties;
    private final Clock clock;

    public Incidents(
            EngineIncidents engine,
            Outbox outbox,
            DealRegistry registry,
            Recipients recipients,
            PersonNames names,
            AuditTrail audit,
            IncidentProperties properties,
            Clock clock) {
        this.engine = engine;
        this.outbox = outbox;
        this.registry = registry;
        this.recipients = recipients;
        this.names = names;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every open incident, newest first (at most {@code citydeal.incidents.shown} of each source). */
    public List<Incident> open() {
        List<EngineIncidents.EngineIncident> jobs = engine.open(properties.shown());
        List<Notification> mails = outbox.failed(properties.shown());
        Map<String, Deal> deals = deals(Stream.concat(
                        jobs.stream().map(EngineIncidents.EngineIncident::dealId),
                        mails.stream().map(Notification::getDealId))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        PersonNames.Names people = names.namesOf(
                mails.stream().map(Notification::getRecipientUser).distinct().toList());
        List<Incident> incidents = new ArrayList<>();
        jobs.forEach(job -> incidents.add(of(job, deals.get(job.dealId()))));
        mails.forEach(mail -> incidents.add(of(mail, deals.get(mail.getDealId()), people)));
        incidents.sort(Comparator.comparing(Incident::since).reversed());
        return incidents;
    }

    /** How many incidents are open (two counts, no listing: for the notice on /admin). */
    public long count() {
        return engine.count() + outbox.count(NotificationStatus.FAILED);
    }

    @Override
    public List<DigestText.Incident> forDigest() {
        return open().stream()
                .map(incident -> new DigestText.Incident(
                        incident.what() + (incident.dealName() == null ? "" : " (" + incident.dealName() + ")"),
                        incident.cause(),
                        incident.since().atZone(PromptSchedule.ZONE).toLocalDate()))
                .toList();
    }

    /**
     * Tries the incident once more: a job runs again when it is due (at once when its time has come; a timer not yet
     * due keeps its date), a mail gets one more attempt (to the recipient's current address). Answers what happened, in Dutch.
     *
     * @throws NotFoundException when there is no such open incident (resolved meanwhile)
     */
    public String retry(Incident.Source source, String id, String by) {
        if (source == Incident.Source.JOB) {
            EngineIncidents.EngineIncident incident = engine.find(id).orElseThrow(Incidents::resolvedMeanwhile);
            if (!incident.retryable() || !engine.retry(id)) {
                throw resolvedMeanwhile();
            }
            audit.record(
                    by,
                    AuditAction.RETRY,
                    "Engine-storing %s opnieuw geprobeerd: %s".formatted(id, describe(incident)));
            return incident.jobDueAt() != null && incident.jobDueAt().isAfter(clock.instant())
                    ? "De taak van de engine wordt opnieuw uitgevoerd op %s, wanneer hij aan de beurt is."
                            .formatted(incident.jobDueAt()
                                    .atZone(PromptSchedule.ZONE)
                                    .format(MOMENT))
                    : "De taak van de engine wordt nu opnieuw uitgevoerd.";
        }
        Notification mail = failedMail(id);
        String email = mail.getRecipientUser() == null
                ? mail.getRecipientEmail()
                : recipients.user(mail.getRecipientUser()).map(Recipient::email).orElse(null);
        if (email == null || email.isBlank()) {
            throw new ConflictException(
                    "Er is nog steeds geen e-mailadres bekend voor %s: vul het adres in bij de gebruikers (Admin) en probeer het dan opnieuw."
                            .formatted(mail.getRecipientUser()));
        }
        if (!outbox.retry(mail.getId(), email)) {
            throw resolvedMeanwhile();
        }
        audit.record(
                by,
                AuditAction.RETRY,
                "Mail %d ('%s') opnieuw geprobeerd, aan %s".formatted(mail.getId(), mail.getSubject(), email));
        return "De mail wordt nu opnieuw verstuurd.";
    }

    /**
     * Lets a mail given up go: it stays in the outbox as cancelled. Engine incidents are not dismissed here (their
     * deal would stand still): they are retried, or handled in Cockpit.
     */
    public String dismiss(Incident.Source source, String id, String by) {
        if (source != Incident.Source.MAIL) {
            throw new ConflictException(
                    "Een storing van de engine laat u niet vervallen: probeer het opnieuw, of los het op in Cockpit.");
        }
        Notification mail = failedMail(id);
        if (!outbox.dismiss(mail.getId(), "Laten vervallen door %s op %s".formatted(by, now()))) {
            throw resolvedMeanwhile();
        }
        audit.record(
                by, AuditAction.DISMISS, "Mail %d ('%s') laten vervallen".formatted(mail.getId(), mail.getSubject()));
        return "De mail is laten vervallen; hij blijft zichtbaar bij Uitgaande mail.";
    }

    private Notification failedMail(String id) {
        long mailId;
        try {
            mailId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw resolvedMeanwhile();
        }
        return outbox.find(mailId)
                .filter(mail -> mail.getStatus() == NotificationStatus.FAILED)
                .orElseThrow(Incidents::resolvedMeanwhile);
    }

    private static NotFoundException resolvedMeanwhile() {
        return new NotFoundException("Deze storing bestaat niet (meer): misschien is hij intussen opgelost.");
    }

    private Incident of(EngineIncidents.EngineIncident job, Deal deal) {
        return new Incident(
                Incident.Source.JOB,
                job.id(),
                job.since(),
                describe(job),
                job.message() == null || job.message().isBlank() ? "(geen melding van de engine)" : job.message(),
                job.stacktrace(),
                job.dealId(),
                deal == null ? null : deal.nameWithReference(),
                job.retryable(),
                true);
    }

    private static String describe(EngineIncidents.EngineIncident job) {
        String activity = job.activityName() == null ? "onbekende stap" : "'" + job.activityName() + "'";
        return job.timer()
                ? "Herinnering of termijn %s kon niet afgaan".formatted(activity)
                : "Stap %s kon niet worden uitgevoerd".formatted(activity);
    }

    private static Incident of(Notification mail, Deal deal, PersonNames.Names people) {
        String to = mail.getRecipientUser() == null ? mail.getRecipientEmail() : people.of(mail.getRecipientUser());
        return new Incident(
                Incident.Source.MAIL,
                String.valueOf(mail.getId()),
                mail.getCreatedAt(),
                "%s '%s' aan %s is opgegeven".formatted(mail.getKind().label(), mail.getSubject(), to),
                mail.getLastError() == null ? "(geen melding)" : mail.getLastError(),
                null,
                mail.getDealId(),
                deal == null ? null : deal.nameWithReference(),
                true,
                // a mail about an incident that fails is listed, not announced again (the same server would fail)
                mail.getKind() != NotificationKind.INCIDENT);
    }

    private Map<String, Deal> deals(List<String> ids) {
        // a HashMap: incidents without a deal ask for null
        Map<String, Deal> deals = new HashMap<>();
        if (!ids.isEmpty()) {
            registry.getAll(ids).forEach(deal -> deals.put(deal.getId(), deal));
        }
        return deals;
    }

    private String now() {
        return clock.instant().atZone(PromptSchedule.ZONE).format(MOMENT);
    }
}
