package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.Stall;
import nl.citydeal.engine.deal.Stalls;
import nl.citydeal.engine.prompt.PromptLinks;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.system.PersonNames;

/**
 * The daily run that prompts the programme office about stalled deals: a deal stalled for longer than
 * {@code citydeal.stall.escalate-after-weeks} gets one prompt "Stilgevallen City Deal bespreken", a mail to the
 * deal's programme-office contact (else every member) and the shared mailbox. Once per stall: each is recorded in
 * {@code stall_escalation} under a unique key, with its mails, in one transaction of its own, so every node runs
 * this and the one that comes second records nothing.
 */
@Component
public class StallPrompts {

    private static final Logger log = LoggerFactory.getLogger(StallPrompts.class);

    private final Stalls stalls;
    private final StallEscalationRepository escalations;
    private final PromptNotifications promptNotifications;
    private final PersonNames names;
    private final PromptLinks links;
    private final Outbox outbox;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public StallPrompts(
            Stalls stalls,
            StallEscalationRepository escalations,
            PromptNotifications promptNotifications,
            PersonNames names,
            PromptLinks links,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.stalls = stalls;
        this.escalations = escalations;
        this.promptNotifications = promptNotifications;
        this.names = names;
        this.links = links;
        this.outbox = outbox;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(cron = "${citydeal.stall.cron:0 30 10 * * *}", zone = "Europe/Amsterdam")
    void daily() {
        int prompted = prompt(clock.instant());
        if (prompted > 0) {
            log.info("Prompted the programme office about {} stalled deal(s)", prompted);
        }
    }

    /** Prompts about every stall whose escalation is due at the moment and not prompted yet; returns how many. */
    public int prompt(Instant now) {
        int prompted = 0;
        for (Stalls.StalledDeal stalled : stalls.all(now, null)) {
            if (stalled.stall().escalationDue(now) && promptOnce(stalled.deal(), stalled.stall(), now)) {
                prompted++;
            }
        }
        return prompted;
    }

    private boolean promptOnce(Deal deal, Stall stall, Instant now) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (escalations.existsByDealIdAndReasonAndSince(
                        deal.getId(), stall.reason(), StallEscalation.since(stall))) {
                    return false;
                }
                escalations.saveAndFlush(new StallEscalation(stall, now));
                String dealLeadName = names.nameOf(deal.getDealLead());
                for (Recipient to : promptNotifications.programmeOfficeOf(deal)) {
                    outbox.record(new Outbox.Entry(
                            Outbox.stallKey(deal.getId(), stall.reason().name(), stall.since(), to),
                            NotificationKind.STALL,
                            deal.getId(),
                            null,
                            null,
                            stall.escalateFrom(),
                            to,
                            MailTexts.stall(
                                    deal.nameWithReference(), dealLeadName, stall, now, to, links.deal(deal.getId()))));
                }
                return true;
            }));
        } catch (DataIntegrityViolationException promptedByAnotherNode) {
            return false;
        }
    }
}
