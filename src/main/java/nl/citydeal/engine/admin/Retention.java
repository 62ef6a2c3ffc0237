package nl.citydeal.engine.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.prompt.notify.NotificationRetention;
import nl.citydeal.engine.system.RetentionProperties;

/**
 * The nightly retention run (docs/operations.md, "Retention"), inside the engine's history cleanup window, which
 * removes the engine's history of the same deals ({@code processengine.HistoryRetentionPlugin}):
 * <ul>
 * <li>a deal closed (or abandoned) longer ago than {@code citydeal.retention.closed-deals} loses its case file: its
 * dossier (steps with their answers), documents and mails; its deputies, administrative leads and participants'
 * contact people are forgotten. Its registry row (name, theme, lead, term, phase, decisions) stays, with its lessons,
 * which the library keeps to share;</li>
 * <li>audit entries older than {@code closed-deals} go;</li>
 * <li>mails sent, failed or cancelled longer ago than {@code citydeal.retention.settled-mails} go;</li>
 * <li>of users who no longer exist, pending mails are cancelled and calendar subscriptions and settings removed. Their
 * user id stays where the records name who did what (dossier, decisions, audit): that is what those records are for.</li>
 * </ul>
 * Every node runs it: each step removes only what is still there, in single statements, so two nodes at once do the
 * work once; a deal's removal is one transaction, and of two nodes removing the same deal at once one wins (the deal's
 * version) and the other skips it. A deal whose removal fails is tried again the next night.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** Deals handled per query; the run goes on until none is left. */
    static final int BATCH = 100;

    private final RetentionProperties properties;
    private final DealRegistry registry;
    private final Dossier dossier;
    private final DealDocuments documents;
    private final NotificationRetention notifications;
    private final AuditEntryRepository audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Retention(
            RetentionProperties properties,
            DealRegistry registry,
            Dossier dossier,
            DealDocuments documents,
            NotificationRetention notifications,
            AuditEntryRepository audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.dossier = dossier;
        this.documents = documents;
        this.notifications = notifications;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What one run removed. */
    public record Removed(int deals, int auditEntries, int settledMails, Set<String> leftUsers) {}

    @Scheduled(cron = "${citydeal.retention.cron:0 30 1 * * *}", zone = "Europe/Amsterdam")
    void nightly() {
        Removed removed = run(clock.instant());
        log.info(
                "Retention: case files of {} closed deal(s), {} audit entr(y/ies), {} settled mail(s) removed; {} user(s)"
                        + " who left forgotten",
                removed.deals(),
                removed.auditEntries(),
                removed.settledMails(),
                removed.leftUsers().size());
    }

    /** Removes what is past its retention at the moment. */
    public Removed run(Instant now) {
        ZoneId dutch = ZoneId.of("Europe/Amsterdam");
        Instant closedBefore = now.atZone(dutch).minus(properties.closedDeals()).toInstant();
        Instant settledBefore =
                now.atZone(dutch).minus(properties.settledMails()).toInstant();
        int deals = 0;
        Set<String> tried = new HashSet<>();
        List<String> due;
        while (!(due = registry.closedBeforeWithRecords(closedBefore, BATCH).stream()
                        .filter(tried::add)
                        .toList())
                .isEmpty()) {
            for (String dealId : due) {
                try {
                    transaction.executeWithoutResult(tx -> {
                        dossier.removeOf(dealId);
                        documents.removeOf(dealId);
                        notifications.removeMailsOf(dealId);
                        registry.recordsRemoved(dealId);
                    });
                    deals++;
                } catch (ConcurrencyFailureException e) {
                    // another node removed it at the same moment (the deal's version changed): its work stands
                    log.info("Retention: deal {} was handled by another node", dealId);
                } catch (RuntimeException e) {
                    // tried once per run; the others go on
                    log.warn("Retention: the case file of deal {} could not be removed", dealId, e);
                }
            }
        }
        Integer auditEntries = transaction.execute(tx -> audit.deleteOlderThan(closedBefore));
        Integer settled = transaction.execute(tx -> notifications.removeSettledBefore(settledBefore));
        Set<String> left = transaction.execute(tx -> notifications.forgetLeftUsers(now));
        return new Removed(deals, auditEntries == null ? 0 : auditEntries, settled == null ? 0 : settled, left);
    }
}
