package nl.citydeal.engine.prompt.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.Recipient;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static nl.citydeal.engine.prompt.PromptWorld.PIETER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompts by mail, end to end against an SMTP server in the test (GreenMail): each prompt that fires reaches the
 * right person once, with the deal, what is asked, why, the due date and the task; a mail server that is down, a
 * node that dies between firing and sending, and two nodes sending at once neither lose nor duplicate a mail.
 */
@CityDealSpringTest
@AlsoOnPostgres
class PromptMailTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    PromptNotifications promptNotifications;

    @Autowired
    PromptReminders reminders;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    nl.citydeal.engine.prompt.Recipients recipients;

    @Autowired
    Prompts prompts;

    @Autowired
    NotificationProperties properties;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    PromptWorld world;
    OutboxSender sender;

    @BeforeEach
    void setUp() throws Exception {
        world = new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
        sender = delivery.sender().orElseThrow();
        // what earlier tests (of every context: they share the database) left in the outbox goes out first, so each
        // test counts only its own mails
        Instant later = clock.instant().plus(Duration.ofDays(30));
        while (!notifications
                .findSendable(later, org.springframework.data.domain.PageRequest.of(0, 1))
                .isEmpty()) {
            sender.sendDue(later);
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PromptKind.class)
    void firingAPromptMailsItsAddresseeOnceWithDealLessonDueDateAndTaskLink(PromptKind kind) throws Exception {
        String name = "City Deal Mail " + kind;
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(kind));
        assertThat(sender.sendDue(clock.instant())).isEqualTo(1);
        sender.sendDue(clock.instant().plus(Duration.ofDays(1)));

        List<MimeMessage> mails = mailsAbout(name);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        boolean office = kind == PromptKind.MID_TERM_REVIEW || kind == PromptKind.SCALING_PLAN_ESCALATION;
        assertThat(recipients(mail)).containsExactly((office ? PETRA : ANNA) + "@citydeal.example");
        // the deal is named with its reference, as in Tasklist and Cockpit
        String named = "%s (%s)".formatted(name, registry.get(deal).getReference());
        assertThat(mail.getSubject())
                .isEqualTo(
                        kind == PromptKind.SCALING_PLAN_ESCALATION
                                ? "Escalatie: opschalingsplan ontbreekt — " + named
                                : "Herinnering: " + kind.label() + " — " + named);
        String body = text(mail);
        String dueOn = prompts.forDeal(deal).stream()
                .filter(p -> p.getKind() == kind)
                .findFirst()
                .orElseThrow()
                .getDueAt()
                .atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                .toLocalDate()
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(body)
                .contains(named)
                .contains(kind.label())
                .contains("Waarom: " + kind.lesson())
                .contains("Uiterlijk: " + dueOn)
                .contains(office ? "Beste Petra de Vries" : "Beste Anna Jansen")
                .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task="
                        + world.task(deal, PromptWorld.taskOf(kind)).getId());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@citydeal.example");
    }

    @Test
    void promptDatesInTheWorkedExampleAppearInTheMailAsDutchDates() throws Exception {
        String name = "City Deal Datum";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        sender.sendDue(clock.instant());

        assertThat(text(mailsAbout(name).get(0))).contains("Uiterlijk: 29-11-2024");
    }

    @Test
    void escalationWithoutAContactGoesToEveryMemberOfTheProgrammeOffice() throws Exception {
        String name = "City Deal Zonder Contact";
        String deal = world.runningDeal(name, ANNA, null, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(PromptKind.SCALING_PLAN_ESCALATION));
        sender.sendDue(clock.instant());

        assertThat(mailsAbout(name).stream().map(PromptMailTest::recipients).flatMap(List::stream))
                .containsOnlyOnce(PETRA + "@citydeal.example", PIETER + "@citydeal.example")
                .hasSize((int) recipients.programmeOffice().stream()
                        .filter(Recipient::hasEmail)
                        .count());
        assertThat(text(mailsAbout(name).get(0)))
                .contains("ontbreekt nog (dealtrekker: Anna Jansen)")
                .doesNotContain("dealtrekker: anna");
    }

    @Test
    void aDealLeadWithoutANameIsNamedByTheirUserIdInTheMails() throws Exception {
        TestUsers.ensure(identityService, "zonder-naam", PromptWorld.PASSWORD, Role.DEAL_LEAD);
        String name = "City Deal Trekker Zonder Naam";
        String deal = world.runningDeal(name, "zonder-naam", null, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        world.fire(deal, PromptWorld.timerOf(PromptKind.SCALING_PLAN_ESCALATION));
        sender.sendDue(clock.instant());

        assertThat(mailsAbout(name).stream().map(PromptMailTest::text))
                .anySatisfy(body -> assertThat(body).startsWith("Beste zonder-naam,"))
                .anySatisfy(body -> assertThat(body).contains("ontbreekt nog (dealtrekker: zonder-naam)"));
    }

    @Test
    void theSamePromptFiringTwiceRecordsOneMail() throws Exception {
        String name = "City Deal Dubbel";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.SCALING_EXPLORATION));
        Prompt fired = prompts.forDeal(deal).stream()
                .filter(p -> p.getKind() == PromptKind.SCALING_EXPLORATION)
                .findFirst()
                .orElseThrow();

        Integer again = transaction.execute(status -> promptNotifications.promptFired(fired.getId()));
        sender.sendDue(clock.instant());

        assertThat(again).isZero();
        assertThat(notifications.findByDealIdAndStatusOrderById(deal, NotificationStatus.SENT))
                .hasSize(1);
        assertThat(mailsAbout(name)).hasSize(1);
    }

    @Test
    void mailServerDownThenUpDeliversTheMailOnceAfterTheBackoff() throws Exception {
        String name = "City Deal Storing";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        smtp.stop();
        try {
            assertThat(sender.sendDue(now)).isZero();
        } finally {
            smtp = startSmtp();
        }
        Notification waiting = only(deal);
        assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(waiting.getLastError()).contains("Verzenden mislukt");

        assertThat(sender.sendDue(now.plusSeconds(30)))
                .as("not before the back-off")
                .isZero();
        assertThat(sender.sendDue(now.plusSeconds(61))).isEqualTo(1);
        assertThat(sender.sendDue(now.plus(Duration.ofHours(1)))).isZero();

        assertThat(mailsAbout(name)).hasSize(1);
        assertThat(only(deal).getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(only(deal).getAttempts()).isEqualTo(2);
    }

    @Test
    void mailThatKeepsFailingIsGivenUpAfterTheLastAttemptAndStaysVisible() throws Exception {
        String deal = world.runningDeal(
                "City Deal Opgegeven", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        Instant now = clock.instant();

        smtp.stop();
        try {
            for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
                sender.sendDue(now);
                now = now.plus(Duration.ofHours(13));
            }
        } finally {
            smtp = startSmtp();
        }

        Notification failed = only(deal);
        assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(properties.maxAttempts());
        assertThat(sender.sendDue(now)).isZero();
    }

    @Test
    void nodeThatDiesAfterClaimingLeavesTheMailToTheNextNodeOnceTheLeaseEnds() throws Exception {
        String name = "City Deal Crash";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.SCALING_PLAN_DUE));
        Instant now = clock.instant();
        OutboxSender dying = delivery.newSender("node-that-dies");
        OutboxSender survivor = delivery.newSender("node-that-survives");

        List<Long> claimed = dying.claimDue(now); // claims, then the node dies before it sends
        assertThat(claimed).contains(only(deal).getId());

        assertThat(survivor.sendDue(now.plusSeconds(10)))
                .as("the lease still holds")
                .isZero();
        assertThat(mailsAbout(name)).isEmpty();
        assertThat(survivor.sendDue(now.plus(properties.lease()).plusSeconds(1)))
                .isEqualTo(1);
        assertThat(survivor.sendDue(now.plus(Duration.ofHours(1)))).isZero();

        assertThat(mailsAbout(name)).hasSize(1);
        assertThat(only(deal).getClaimedBy()).isEqualTo("node-that-survives");
    }

    @Test
    void restartBetweenFiringAndSendingSendsTheCommittedMailOnce() throws Exception {
        String name = "City Deal Herstart";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.MID_TERM_REVIEW));
        // the node goes down here: the prompt and its mail are committed, nothing was sent
        assertThat(only(deal).getStatus()).isEqualTo(NotificationStatus.PENDING);
        OutboxSender afterRestart = delivery.newSender("node-after-restart");

        assertThat(afterRestart.sendDue(clock.instant())).isEqualTo(1);
        assertThat(afterRestart.sendDue(clock.instant())).isZero();
        assertThat(sender.sendDue(clock.instant().plus(Duration.ofHours(1)))).isZero();

        assertThat(mailsAbout(name)).hasSize(1);
    }

    @Test
    void promptWhoseFiringRollsBackLeavesNoMail() {
        String deal = world.runningDeal(
                "City Deal Terugdraaien", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        transaction.executeWithoutResult(status -> {
            world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
            status.setRollbackOnly();
        });

        assertThat(notifications.findByDealIdAndStatusOrderById(deal, NotificationStatus.PENDING))
                .isEmpty();
        assertThat(prompts.forDeal(deal)).noneMatch(p -> p.getFiredAt() != null);
    }

    @Test
    void twoNodesSendingTheSameOutboxAtOnceSendEachMailOnce() throws Exception {
        String deal = world.runningDeal(
                "City Deal Twee Nodes", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        int count = 40;
        for (int i = 0; i < count; i++) {
            int n = i;
            transaction.executeWithoutResult(status -> outbox.record(new Outbox.Entry(
                    "test:two-nodes:" + n,
                    NotificationKind.DIGEST,
                    deal,
                    null,
                    null,
                    null,
                    new Recipient(ANNA, "Anna Jansen", "anna@citydeal.example"),
                    new MailText("Twee nodes " + n, "Bericht " + n))));
        }
        OutboxSender one = delivery.newSender("node-1");
        OutboxSender two = delivery.newSender("node-2");
        AtomicInteger sentByOne = new AtomicInteger();
        AtomicInteger sentByTwo = new AtomicInteger();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> runs = List.of(untilEmpty(one, sentByOne), untilEmpty(two, sentByTwo));
            for (Future<Void> run : nodes.invokeAll(runs)) {
                run.get();
            }
        } finally {
            nodes.shutdownNow();
        }

        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Twee nodes "))
                .toList();
        assertThat(mails).hasSize(count);
        assertThat(mails.stream().map(PromptMailTest::subject).collect(Collectors.toSet()))
                .hasSize(count);
        assertThat(sentByOne.get() + sentByTwo.get()).isEqualTo(count);
        assertThat(notifications.findByDealIdAndStatusOrderById(deal, NotificationStatus.SENT))
                .hasSize(count);
    }

    @Test
    void everyMailCarriesAMessageIdDerivedFromItsOutboxEntry() throws Exception {
        String name = "City Deal Message-ID";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.ANSWERABILITY_REVIEW));
        sender.sendDue(clock.instant());

        assertThat(mailsAbout(name).get(0).getMessageID())
                .isEqualTo("<notification-%d@citydeal.example>"
                        .formatted(only(deal).getId()));
    }

    @Test
    void userWithoutAnAddressIsShownAsFailedInsteadOfLost() {
        identityService.saveUser(withoutEmail(
                identityService.createUserQuery().userId(PromptWorld.BRAM).singleResult()));
        String deal = world.runningDeal(
                "City Deal Geen Adres", PromptWorld.BRAM, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        sender.sendDue(clock.instant());

        Notification failed = notifications
                .findByDealIdAndStatusOrderById(deal, NotificationStatus.FAILED)
                .get(0);
        assertThat(failed.getRecipientUser()).isEqualTo(PromptWorld.BRAM);
        assertThat(failed.getLastError()).contains("Geen e-mailadres");
    }

    @Test
    void reminderComesOnceBeforeTheDueDateAndOnceOnItWhileTheTaskIsOpen() throws Exception {
        String name = "City Deal Herinneren";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        Instant fifteenDaysAhead =
                OffsetDateTime.parse("2024-11-14T10:00+01:00").toInstant();
        Instant fourteenDaysAhead =
                OffsetDateTime.parse("2024-11-15T10:00+01:00").toInstant();
        Instant dueDay = OffsetDateTime.parse("2024-11-29T10:00+01:00").toInstant();

        reminders.remind(fifteenDaysAhead);
        assertThat(reminders(deal, NotificationKind.REMINDER_BEFORE)).isEmpty();
        reminders.remind(fourteenDaysAhead);
        reminders.remind(fourteenDaysAhead.plus(Duration.ofDays(1)));
        assertThat(reminders(deal, NotificationKind.REMINDER_BEFORE))
                .singleElement()
                .satisfies(n -> assertThat(n.getPromptKind()).isEqualTo(PromptKind.OWNERSHIP_CONVERSATION));
        reminders.remind(dueDay);
        reminders.remind(dueDay.plusSeconds(3600));
        assertThat(reminders(deal, NotificationKind.REMINDER_DUE))
                .singleElement()
                .satisfies(n -> assertThat(n.getPromptKind()).isEqualTo(PromptKind.OWNERSHIP_CONVERSATION));

        sender.sendDue(clock.instant());
        List<MimeMessage> mails = mailsAbout(name);
        assertThat(mails)
                .extracting(PromptMailTest::subject)
                .containsExactlyInAnyOrder(
                        "Herinnering: Eigenaarschapsgesprek voeren — %s (%s) (uiterlijk 29-11-2024)"
                                .formatted(name, registry.get(deal).getReference()),
                        "Herinnering: Eigenaarschapsgesprek voeren — %s (%s)"
                                .formatted(name, registry.get(deal).getReference()));
        assertThat(mails).allSatisfy(m -> assertThat(recipients(m)).containsExactly("anna@citydeal.example"));
        assertThat(mails.stream().map(PromptMailTest::text).filter(b -> b.contains("Over 14 dagen, op 29-11-2024")))
                .hasSize(1);
    }

    @Test
    void promptThatFiredOnItsDateGetsNoSecondMailFromTheReminderRun() {
        String deal = world.runningDeal(
                "City Deal Een Per Dag", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));

        reminders.remind(OffsetDateTime.parse("2024-11-29T10:00+01:00").toInstant());

        assertThat(reminders(deal, NotificationKind.REMINDER_DUE)).isEmpty();
        assertThat(notifications.findByDealIdAndStatusOrderById(deal, NotificationStatus.PENDING))
                .extracting(Notification::getKind)
                .containsExactly(NotificationKind.PROMPT);
    }

    @Test
    void completedTaskStopsItsReminders() throws Exception {
        String name = "City Deal Afgerond";
        String deal = world.runningDeal(name, ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        reminders.remind(OffsetDateTime.parse("2024-11-20T10:00+01:00").toInstant());
        assertThat(reminders(deal, NotificationKind.REMINDER_BEFORE)).hasSize(1);

        taskService.complete(
                world.task(deal, PromptWorld.taskOf(PromptKind.OWNERSHIP_CONVERSATION))
                        .getId(),
                java.util.Map.of("ownershipOutcome", "Provincie wordt eigenaar"));
        reminders.remind(OffsetDateTime.parse("2024-11-29T10:00+01:00").toInstant());
        sender.sendDue(clock.instant());

        assertThat(reminders(deal, NotificationKind.REMINDER_DUE)).isEmpty();
        assertThat(reminders(deal, NotificationKind.REMINDER_BEFORE))
                .singleElement()
                .satisfies(n -> assertThat(n.getStatus()).isEqualTo(NotificationStatus.CANCELLED));
        assertThat(mailsAbout(name)).isEmpty();
    }

    @Test
    void deliveredScalingPlanCancelsItsEscalationSoNothingIsAnnouncedForIt() {
        String deal = world.runningDeal(
                "City Deal Plan Klaar", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        taskService.complete(
                world.task(deal, PromptWorld.taskOf(PromptKind.SCALING_PLAN_DUE))
                        .getId(),
                java.util.Map.of("scalingPlanSummary", "Inbedden in beleid"));

        assertThat(prompts.forDeal(deal))
                .filteredOn(p -> p.getKind() == PromptKind.SCALING_PLAN_ESCALATION)
                .extracting(Prompt::getStatus)
                .containsOnly(nl.citydeal.engine.prompt.PromptStatus.CANCELLED);
    }

    @Test
    void theDigestOfALargePortfolioLongerThanSixtyThousandCharactersIsRecordedWhole() {
        LocalDate monday = LocalDate.of(2033, 1, 3);
        List<DigestText.Item> overdue = java.util.stream.IntStream.range(0, 600)
                .mapToObj(i -> new DigestText.Item(
                        "City Deal Groot Portfolio nummer %d met een lange naam".formatted(i),
                        "Dealtrekker Met Een Lange Naam",
                        PromptKind.OWNERSHIP_CONVERSATION,
                        monday.minusDays(i + 1)))
                .toList();
        MailText text = DigestText.build("Petra de Vries", monday, List.of(), overdue, List.of(), "http://localhost/");
        String key = "digest-large-portfolio-" + java.util.UUID.randomUUID();

        boolean recorded = outbox.recordOnce(new Outbox.Entry(
                key,
                NotificationKind.DIGEST,
                null,
                null,
                null,
                null,
                new nl.citydeal.engine.prompt.Recipient("large-portfolio", "Petra de Vries", "petra@example.org"),
                text));

        assertThat(text.body()).hasSizeGreaterThan(60_000);
        assertThat(recorded).isTrue();
        assertThat(notifications.findByKindInOrderById(List.of(NotificationKind.DIGEST)))
                .filteredOn(n ->
                        n.getRecipientUser() != null && n.getRecipientUser().equals("large-portfolio"))
                .singleElement()
                .satisfies(n -> assertThat(n.getBody()).isEqualTo(text.body()));
    }

    @Test
    void weeklyDigestReachesEachMemberOfTheProgrammeOfficeOnceAWeek() throws Exception {
        String deal = world.runningDeal(
                "City Deal Weekoverzicht", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        // the digest names each deal with its reference
        String name =
                "City Deal Weekoverzicht (%s)".formatted(registry.get(deal).getReference());
        Instant monday = OffsetDateTime.parse("2026-11-30T08:00+01:00").toInstant();

        int members = recipients.programmeOffice().size();
        assertThat(digest.send(monday)).isEqualTo(members);
        assertThat(digest.send(monday.plus(Duration.ofHours(1))))
                .as("the second node, or a second run")
                .isZero();
        sender.sendDue(clock.instant());

        List<MimeMessage> digests = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Weekoverzicht City Deals — week 49"))
                .toList();
        assertThat(digests.stream().map(PromptMailTest::recipients).flatMap(List::stream))
                .containsOnlyOnce(PETRA + "@citydeal.example", PIETER + "@citydeal.example");
        String body = text(digests.stream()
                .filter(m -> recipients(m).contains(PETRA + "@citydeal.example"))
                .findFirst()
                .orElseThrow());
        assertThat(body)
                .contains("Verlopen en nog open")
                .contains(name + " — Eigenaarschapsgesprek voeren, verlopen op 29-11-2024")
                .contains(name + " — plan nodig sinds 31-05-2026, einddatum 01-03-2027 (dealtrekker: Anna Jansen)");
        assertThat(digest.send(monday.plus(Duration.ofDays(7))))
                .as("next week's digest")
                .isEqualTo(members);
    }

    // --- helpers

    private Notification only(String dealId) {
        List<Notification> all = new ArrayList<>();
        for (NotificationStatus status : NotificationStatus.values()) {
            all.addAll(notifications.findByDealIdAndStatusOrderById(dealId, status));
        }
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Notification> reminders(String dealId, NotificationKind kind) {
        List<Notification> all = new ArrayList<>();
        for (NotificationStatus status : NotificationStatus.values()) {
            notifications.findByDealIdAndStatusOrderById(dealId, status).stream()
                    .filter(n -> n.getKind() == kind)
                    .forEach(all::add);
        }
        return all;
    }

    private static Callable<Void> untilEmpty(OutboxSender node, AtomicInteger sent) {
        return () -> {
            Instant start = Instant.now();
            int round;
            do {
                round = node.sendDue(Instant.now());
                sent.addAndGet(round);
            } while ((round > 0 || Duration.between(start, Instant.now()).toMillis() < 500)
                    && Duration.between(start, Instant.now()).toSeconds() < 60);
            return null;
        };
    }

    private static org.camunda.bpm.engine.identity.User withoutEmail(org.camunda.bpm.engine.identity.User user) {
        user.setEmail(null);
        return user;
    }

    /** The mails whose subject names the deal; GreenMail has stored a mail when the SMTP server accepted it. */
    static List<MimeMessage> mailsAbout(String dealName) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(dealName))
                .toList();
    }

    /** The decoded text of a plain-text mail. */
    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
