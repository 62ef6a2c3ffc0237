package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Stalls;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptLinks;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.system.PersonNames;

/**
 * The weekly digest: one mail per member of the programme office (and the shared mailbox, when configured) with
 * the prompts due in the coming week, the overdue ones, the deals whose scaling plan is past the date the deployed
 * prompt schedule gave it, the stalled deals and what failed and waits for an administrator (the incidents). A member who turned the digest off on Mijn instellingen gets none;
 * anyone else who turned it on (a deal lead) gets the same sections over the deals they lead or are a deputy of.
 * Every node runs it; each person gets one digest a week.
 */
@Component
public class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Recipients recipients;
    private final PersonNames names;
    private final PromptNotifications promptNotifications;
    private final PromptLinks links;
    private final Outbox outbox;
    private final Clock clock;
    private final Stalls stalls;
    private final NotificationSettings settings;
    private final OpenIncidents incidents;

    public WeeklyDigest(
            DealRegistry registry,
            Prompts promptLog,
            Recipients recipients,
            PersonNames names,
            PromptNotifications promptNotifications,
            PromptLinks links,
            Outbox outbox,
            Clock clock,
            Stalls stalls,
            NotificationSettings settings,
            OpenIncidents incidents) {
        this.incidents = incidents;
        this.stalls = stalls;
        this.settings = settings;
        this.registry = registry;
        this.promptLog = promptLog;
        this.recipients = recipients;
        this.names = names;
        this.promptNotifications = promptNotifications;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(cron = "${citydeal.digest.cron:0 0 8 * * MON}", zone = "Europe/Amsterdam")
    void weekly() {
        log.info("Recorded {} weekly digest mail(s)", send(clock.instant()));
    }

    /** The contents of the digest at the moment. */
    public record Contents(
            LocalDate today,
            List<DigestText.Item> dueNextWeek,
            List<DigestText.Item> overdue,
            List<DigestText.MissingPlan> missingPlans,
            List<DigestText.Stalled> stalled,
            List<DigestText.Incident> incidents) {}

    /**
     * Records this week's digest for every member of the programme office who did not turn it off, the shared
     * mailbox, and everyone else who turned it on (of their own deals); returns how many were recorded.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int send(Instant now) {
        NotificationSettings.Snapshot choices = settings.snapshot();
        Contents contents = contents(now);
        List<Recipient> office = recipients.programmeOffice();
        int recorded = 0;
        for (Recipient member : office) {
            if (choices.officeDigest(member.userId())) {
                recorded += record(member, contents, false);
            }
        }
        Optional<Recipient> shared = promptNotifications.sharedMailbox();
        if (shared.isPresent()) {
            recorded += record(shared.get(), contents, false);
        }
        Set<String> members = office.stream().map(Recipient::userId).collect(Collectors.toSet());
        for (String userId : choices.digestOptIns()) {
            if (members.contains(userId)) {
                continue;
            }
            Optional<Recipient> lead = recipients.user(userId);
            if (lead.isPresent()) {
                recorded += record(lead.get(), contents(now, userId), true);
            }
        }
        return recorded;
    }

    private int record(Recipient recipient, Contents contents, boolean ownDeals) {
        MailText text = DigestText.build(
                recipient.displayName(),
                contents.today(),
                contents.dueNextWeek(),
                contents.overdue(),
                contents.missingPlans(),
                contents.stalled(),
                ownDeals ? List.of() : contents.incidents(),
                ownDeals ? null : links.incidents(),
                links.tasklist(),
                ownDeals,
                recipient.userId() == null ? null : links.settings());
        boolean recorded = outbox.recordOnce(new Outbox.Entry(
                Outbox.digestKey(DigestText.week(contents.today()), recipient),
                NotificationKind.DIGEST,
                null,
                null,
                null,
                null,
                recipient,
                text));
        return recorded ? 1 : 0;
    }

    /** The contents of the digest of every deal at the moment. */
    @Transactional(readOnly = true)
    public Contents contents(Instant now) {
        return contents(now, null);
    }

    /** The contents at the moment over the deals {@code onlyLead} leads or is a deputy of (every deal: null). */
    @Transactional(readOnly = true)
    public Contents contents(Instant now, String onlyLead) {
        LocalDate today = now.atZone(PromptSchedule.ZONE).toLocalDate();
        Instant weekEnds = today.plusDays(7).atStartOfDay(PromptSchedule.ZONE).toInstant();
        Map<String, Deal> deals = new HashMap<>();
        List<Prompt> open = promptLog.openDueBefore(weekEnds);
        List<Prompt> missing = promptLog.openDueBefore(now).stream()
                .filter(prompt -> prompt.getKind() == PromptKind.SCALING_PLAN_DUE)
                .toList();
        open.forEach(prompt -> deals.computeIfAbsent(prompt.getDealId(), registry::get));
        missing.forEach(prompt -> deals.computeIfAbsent(prompt.getDealId(), registry::get));
        if (onlyLead != null) {
            open = open.stream()
                    .filter(prompt -> deals.get(prompt.getDealId()).isLedBy(onlyLead))
                    .toList();
            missing = missing.stream()
                    .filter(prompt -> deals.get(prompt.getDealId()).isLedBy(onlyLead))
                    .toList();
        }
        PersonNames.Names leads =
                names.namesOf(deals.values().stream().map(Deal::getDealLead).toList());
        List<DigestText.Item> dueNextWeek = new ArrayList<>();
        List<DigestText.Item> overdue = new ArrayList<>();
        for (Prompt prompt : open) {
            Deal deal = deals.get(prompt.getDealId());
            DigestText.Item item = new DigestText.Item(
                    deal.nameWithReference(),
                    leads.of(deal.getDealLead()),
                    prompt.getKind(),
                    prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate());
            (prompt.isOverdue(now) ? overdue : dueNextWeek).add(item);
        }
        List<DigestText.MissingPlan> missingPlans = new ArrayList<>();
        for (Prompt prompt : missing) {
            Deal deal = deals.get(prompt.getDealId());
            missingPlans.add(new DigestText.MissingPlan(
                    deal.nameWithReference(),
                    leads.of(deal.getDealLead()),
                    prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate(),
                    deal.getEndsOn()));
        }
        return new Contents(
                today,
                dueNextWeek,
                overdue,
                missingPlans,
                stalled(now, onlyLead),
                onlyLead == null ? incidents.forDigest() : List.of());
    }

    /** Every stalled deal (of those {@code onlyLead} leads, when set), by name, with why and since when. */
    private List<DigestText.Stalled> stalled(Instant now, String onlyLead) {
        List<Stalls.StalledDeal> stalled = stalls.all(now, onlyLead);
        PersonNames.Names leads =
                names.namesOf(stalled.stream().map(s -> s.deal().getDealLead()).toList());
        return stalled.stream()
                .map(s -> new DigestText.Stalled(
                        s.deal().nameWithReference(),
                        leads.of(s.deal().getDealLead()),
                        s.stall().text(now),
                        s.stall().since().atZone(PromptSchedule.ZONE).toLocalDate()))
                .toList();
    }
}
