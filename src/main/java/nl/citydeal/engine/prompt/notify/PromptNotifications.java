package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptLinks;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;

/**
 * Puts the mails about prompts in the outbox: when a prompt fires (in the transaction that fires it), ahead of its
 * date and on its date (the reminders). The deal lead gets the prompts they answer; the programme office gets the
 * mid-term review and the escalation: the deal's programme-office contact, or else every member, and the shared
 * mailbox when one is configured.
 */
@Service
@Transactional
public class PromptNotifications {

    private final Prompts promptLog;
    private final DealRegistry registry;
    private final Recipients recipients;
    private final PromptTasks tasks;
    private final PromptLinks links;
    private final Outbox outbox;
    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final Clock clock;

    public PromptNotifications(
            Prompts promptLog,
            DealRegistry registry,
            Recipients recipients,
            PromptTasks tasks,
            PromptLinks links,
            Outbox outbox,
            NotificationRepository notifications,
            NotificationProperties properties,
            Clock clock) {
        this.promptLog = promptLog;
        this.registry = registry;
        this.recipients = recipients;
        this.tasks = tasks;
        this.links = links;
        this.outbox = outbox;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The prompt fired: its mail goes into the outbox in the current transaction, so it is recorded if and only if
     * the prompt fired. The mail on a prompt's date is recorded once, whether by the firing or by the reminder run.
     */
    public int promptFired(Long promptId) {
        Prompt prompt = promptLog
                .find(promptId)
                .orElseThrow(() -> new IllegalStateException("Prompt %d does not exist".formatted(promptId)));
        NotificationKind kind = prompt.getKind() == PromptKind.SCALING_PLAN_ESCALATION
                ? NotificationKind.ESCALATION
                : NotificationKind.PROMPT;
        return record(prompt, kind, LocalDate.now(clock.withZone(PromptSchedule.ZONE)), false, to -> true);
    }

    /**
     * A reminder for a still open prompt to those of its addressees who want it ({@code wanted}: their settings),
     * in a transaction of its own per mail (every node runs the reminders). Returns how many mails were recorded.
     */
    @Transactional(readOnly = true)
    public int remind(Long promptId, NotificationKind kind, LocalDate today, Predicate<Recipient> wanted) {
        if (kind != NotificationKind.REMINDER_BEFORE && kind != NotificationKind.REMINDER_DUE) {
            throw new IllegalArgumentException(kind + " is not a reminder");
        }
        return promptLog
                .find(promptId)
                .filter(Prompt::isOpen)
                .map(prompt -> record(prompt, kind, today, true, wanted))
                .orElse(0);
    }

    /**
     * The deal's prompts changed (one was done or cancelled): pending mails about prompts that are no longer open
     * fall away. A mail a node is sending right now is left to the sender, which checks again.
     */
    public void dropSettled(String dealId) {
        List<Long> obsolete = new ArrayList<>();
        for (Notification pending : notifications.findByDealIdAndStatusOrderById(dealId, NotificationStatus.PENDING)) {
            if (pending.isAboutPrompt() && obsoleteBecause(pending).isPresent()) {
                obsolete.add(pending.getId());
            }
        }
        if (!obsolete.isEmpty()) {
            notifications.cancel(
                    obsolete, "De taak is afgerond of vervallen voordat de mail verzonden was.", clock.instant());
        }
    }

    /** Why a mail about a prompt is no longer wanted: the prompt was done, cancelled or moved. */
    @Transactional(readOnly = true)
    public Optional<String> obsoleteBecause(Notification notification) {
        if (!notification.isAboutPrompt()) {
            return Optional.empty();
        }
        Optional<Prompt> prompt = promptLog.find(notification.getPromptId());
        if (prompt.isEmpty()) {
            return Optional.of("De datum van de herinnering is verschoven; er komt een nieuwe herinnering.");
        }
        PromptStatus status = prompt.get().getStatus();
        if (status == PromptStatus.DONE) {
            return Optional.of("De taak is al afgerond.");
        }
        if (status == PromptStatus.CANCELLED) {
            return Optional.of("De herinnering is vervallen: de experimenteerfase is voorbij.");
        }
        return Optional.empty();
    }

    private int record(
            Prompt prompt,
            NotificationKind kind,
            LocalDate today,
            boolean ownTransaction,
            Predicate<Recipient> wanted) {
        Deal deal = registry.get(prompt.getDealId());
        boolean toProgrammeOffice = forProgrammeOffice(prompt.getKind());
        String link = tasks.openTaskId(deal, prompt.getKind()).map(links::task).orElseGet(links::tasklist);
        Recipient dealLead = dealLeadOf(deal);
        int recorded = 0;
        for (Recipient to : toProgrammeOffice ? programmeOfficeOf(deal) : List.of(dealLead)) {
            if (!wanted.test(to)) {
                continue;
            }
            MailText text = MailTexts.prompt(new MailTexts.About(
                    kind,
                    deal.nameWithReference(),
                    dealLead.displayName(),
                    prompt.getKind(),
                    prompt.getDueAt(),
                    to,
                    toProgrammeOffice,
                    link,
                    today));
            String key = kind == NotificationKind.REMINDER_BEFORE
                    ? Outbox.beforeKey(deal.getId(), prompt.getKind(), prompt.getDueAt(), to)
                    : Outbox.dueKey(deal.getId(), prompt.getKind(), prompt.getDueAt(), to);
            Outbox.Entry entry = new Outbox.Entry(
                    key, kind, deal.getId(), prompt.getId(), prompt.getKind(), prompt.getDueAt(), to, text);
            if (ownTransaction ? outbox.recordOnce(entry) : outbox.record(entry)) {
                recorded++;
            }
        }
        return recorded;
    }

    /** The programme office holds the mid-term review and receives the escalation; the deal lead answers the rest. */
    static boolean forProgrammeOffice(PromptKind kind) {
        return kind == PromptKind.MID_TERM_REVIEW || kind == PromptKind.SCALING_PLAN_ESCALATION;
    }

    private Recipient dealLeadOf(Deal deal) {
        return recipients.user(deal.getDealLead()).orElseGet(() -> new Recipient(deal.getDealLead(), null, null));
    }

    /** The deal's programme-office contact if known with an address, else every member; plus the shared mailbox. */
    List<Recipient> programmeOfficeOf(Deal deal) {
        List<Recipient> to = new ArrayList<>();
        Optional<Recipient> contact = Optional.ofNullable(deal.getProgrammeOfficeContact())
                .filter(c -> !c.isBlank())
                .flatMap(recipients::user)
                .filter(Recipient::hasEmail);
        if (contact.isPresent()) {
            to.add(contact.get());
        } else {
            to.addAll(recipients.programmeOffice());
        }
        sharedMailbox().ifPresent(to::add);
        if (to.isEmpty()) {
            to.add(new Recipient("programme-office", "Programmabureau", null));
        }
        return to;
    }

    /** The programme office's shared mailbox, when configured. */
    Optional<Recipient> sharedMailbox() {
        return Optional.ofNullable(properties.programmeOfficeAddress())
                .map(address -> new Recipient(null, "Programmabureau", address));
    }
}
