package nl.citydeal.engine.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.DocumentKind;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptions;
import nl.citydeal.engine.prompt.notify.MailText;
import nl.citydeal.engine.prompt.notify.Notification;
import nl.citydeal.engine.prompt.notify.NotificationKind;
import nl.citydeal.engine.prompt.notify.NotificationRepository;
import nl.citydeal.engine.prompt.notify.NotificationRetention;
import nl.citydeal.engine.prompt.notify.NotificationSettings;
import nl.citydeal.engine.prompt.notify.NotificationStatus;
import nl.citydeal.engine.prompt.notify.Outbox;
import nl.citydeal.engine.prompt.notify.UserSettingRepository;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention (docs/operations.md): a deal closed longer ago than {@code citydeal.retention.closed-deals} (P10Y) loses
 * its case file (dossier, documents, mails) in the nightly run and its engine history in Camunda's history cleanup,
 * and keeps its registry row and lessons; a deal closed recently and a running deal keep everything; old audit
 * entries and settled mails go; a deleted user's pending mails, calendar subscription and settings go. "Now" is moved
 * through the engine's clock (the app's clock follows it in tests).
 */
@CityDealSpringTest
@AlsoOnPostgres
@AutoConfigureMockMvc
class RetentionTest {

    @Autowired
    MockMvc mvc;

    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    static final String LEAD = "anna";
    static final String OFFICE = "olaf";
    static final Instant LONG_AGO =
            OffsetDateTime.parse("2014-03-03T10:00+01:00").toInstant();

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    Dossier dossier;

    @Autowired
    DealDocuments documents;

    @Autowired
    Lessons lessons;

    @Autowired
    Outbox outbox;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    NotificationSettings settings;

    @Autowired
    UserSettingRepository settingRows;

    @Autowired
    CalendarSubscriptions subscriptions;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditEntryRepository auditEntries;

    @Autowired
    Retention retention;

    TransactionTemplate transaction;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transaction = new TransactionTemplate(transactionManager);
    }

    String theme;

    @BeforeEach
    void people() {
        TestUsers.ensure(identityService, LEAD, "Deal-Trekker-2026!", Role.DEAL_LEAD);
        TestUsers.ensure(identityService, OFFICE, "Programma-Bureau-1", Role.PROGRAMME_OFFICE);
        theme = "bewaar-" + UUID.randomUUID();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void theHistoryCleanupIsRemovalTimeBasedAndScheduledInTheNightlyWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        List<Job> cleanup = historyService.findHistoryCleanupJobs();
        assertThat(cleanup)
                .as("the engine scheduled its history cleanup at start-up")
                .isNotEmpty();
        ZonedDateTime due = cleanup.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getHour()).as("due within 01:00-05:00").isBetween(1, 4);
    }

    @Test
    void aDealClosedLongerAgoThanTheRetentionLosesItsCaseFileAndEngineHistoryAndKeepsItsRowAndLessons()
            throws Exception {
        ClosedDeal old = closedDealAt(LONG_AGO);
        Date removal = historicInstance(old).getRemovalTime();
        assertThat(removal.toInstant())
                .as("removal time: end of the process + 10 calendar years")
                .isEqualTo(historicInstance(old)
                        .getEndTime()
                        .toInstant()
                        .atZone(DUTCH)
                        .plusYears(10)
                        .toInstant());
        assertThat(dossier.of(old.dealId())).isNotEmpty();

        Instant now = LONG_AGO.atZone(DUTCH).plusYears(10).plusDays(2).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        Retention.Removed removed = retention.run(now);
        runHistoryCleanup();

        assertThat(removed.deals()).isGreaterThanOrEqualTo(1);
        assertThat(dossier.of(old.dealId())).isEmpty();
        assertThat(documents.of(old.dealId())).isEmpty();
        assertThat(notifications.findAll()).noneMatch(n -> old.dealId().equals(n.getDealId()));
        Deal row = registry.get(old.dealId());
        assertThat(row.getPhase()).isEqualTo(DealPhase.ABANDONED);
        assertThat(row.getRecordsRemovedAt()).contains(now);
        assertThat(lessons.ofDeal(old.dealId())).as("lessons are kept to share").isNotEmpty();
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(old.processInstanceId())
                        .count())
                .as("the engine's history of the deal")
                .isZero();
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(old.processInstanceId())
                        .count())
                .isZero();
        String page = mvc.perform(get("/deals/{id}", old.dealId())
                        .with(user(OFFICE).authorities(() -> Role.PROGRAMME_OFFICE.authority())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Het dossier is verwijderd: de")
                .contains("De documenten zijn verwijderd")
                .contains("Vroeg eigenaarschap besproken");
    }

    @Test
    void aDealClosedWithinTheRetentionAndARunningDealKeepEverything() throws Exception {
        Instant recently = LONG_AGO.atZone(DUTCH).plusYears(9).toInstant();
        ClosedDeal recent = closedDealAt(recently);
        ClockUtil.setCurrentTime(Date.from(LONG_AGO));
        Deal running = registry.register(newDeal("Lopend"), OFFICE);
        documents.upload(running.getId(), document(), LEAD);
        String runningInstance = instanceOf(running.getId());

        Instant now = LONG_AGO.atZone(DUTCH).plusYears(10).plusDays(2).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        retention.run(now);
        runHistoryCleanup();

        assertThat(dossier.of(recent.dealId())).isNotEmpty();
        assertThat(documents.of(recent.dealId())).hasSize(1);
        assertThat(notifications.findAll()).anyMatch(n -> recent.dealId().equals(n.getDealId()));
        assertThat(registry.get(recent.dealId()).getRecordsRemovedAt()).isEmpty();
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(recent.processInstanceId())
                        .count())
                .isOne();
        assertThat(documents.of(running.getId())).hasSize(1);
        assertThat(registry.get(running.getId()).getRecordsRemovedAt()).isEmpty();
        assertThat(mvc.perform(get("/deals/{id}", recent.dealId())
                                .with(user(OFFICE).authorities(() -> Role.PROGRAMME_OFFICE.authority())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("bewaartermijn");
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(runningInstance)
                        .count())
                .isOne();
    }

    @Test
    void twoNodesRunningAtOnceRemoveAnOldDealsCaseFileOnceWithoutFailing() throws Exception {
        ClosedDeal old = closedDealAt(LONG_AGO.plusSeconds(3600));
        Instant now = LONG_AGO.atZone(DUTCH).plusYears(10).plusDays(3).toInstant();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Retention.Removed>> runs =
                    nodes.invokeAll(List.of(() -> retention.run(now), () -> retention.run(now)));
            for (Future<Retention.Removed> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(dossier.of(old.dealId())).isEmpty();
        assertThat(documents.of(old.dealId())).isEmpty();
        assertThat(registry.get(old.dealId()).getRecordsRemovedAt()).isPresent();
    }

    @Test
    void auditEntriesAndSettledMailsPastTheirRetentionGoAndNewerOnesStay() {
        String marker = UUID.randomUUID().toString();
        Instant old = OffsetDateTime.parse("2015-06-01T10:00+02:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(old));
        audit.record("test-admin", AuditAction.DEPLOY, "oud " + marker);
        Long oldMail = sentMail("oud-" + marker, old);
        Instant recent = old.atZone(DUTCH).plusYears(10).minusMonths(6).toInstant();
        ClockUtil.setCurrentTime(Date.from(recent));
        audit.record("test-admin", AuditAction.DEPLOY, "recent " + marker);
        Long recentMail = sentMail("recent-" + marker, recent);

        Instant now = old.atZone(DUTCH).plusYears(10).plusDays(1).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        retention.run(now);

        assertThat(auditEntries.findAll())
                .extracting(AuditEntry::getDetails)
                .contains("recent " + marker)
                .doesNotContain("oud " + marker);
        assertThat(notifications.findById(oldMail))
                .as("sent more than a year ago")
                .isEmpty();
        assertThat(notifications.findById(recentMail))
                .as("sent half a year ago")
                .isPresent();
    }

    @Test
    void aDeletedUsersPendingMailsAreCancelledAndTheirSubscriptionAndSettingsRemovedAndOthersKeepTheirs() {
        String left = "weg-" + UUID.randomUUID().toString().substring(0, 8);
        String stays = "blijft-" + UUID.randomUUID().toString().substring(0, 8);
        for (String user : List.of(left, stays)) {
            TestUsers.ensure(identityService, user, "Deal-Trekker-2026!", Role.DEAL_LEAD);
            settings.save(user, new NotificationSettings.Choice("aan", "P7D", "uit"), user);
            subscriptions.renew(user);
        }
        Long toLeft = pendingMail(left);
        Long toStays = pendingMail(stays);

        identityService.deleteUser(left);
        Instant now = Instant.now();
        Retention.Removed removed = retention.run(now);

        assertThat(removed.leftUsers()).contains(left).doesNotContain(stays);
        Notification cancelled = notifications.findById(toLeft).orElseThrow();
        assertThat(cancelled.getStatus()).isEqualTo(NotificationStatus.CANCELLED);
        assertThat(cancelled.getLastError()).isEqualTo(NotificationRetention.RECIPIENT_LEFT);
        assertThat(settingRows.findById(left)).isEmpty();
        assertThat(subscriptions.madeAt(left)).isEmpty();
        assertThat(notifications.findById(toStays).orElseThrow().getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(settingRows.findById(stays)).isPresent();
        assertThat(subscriptions.madeAt(stays)).isPresent();

        // the digest this user turned on would reach every later test's weekly digest in this context
        settingRows.deleteById(stays);
    }

    // --- helpers

    record ClosedDeal(String dealId, String processInstanceId) {}

    /** A deal registered, abandoned at its proposal review and closed at the moment, with a document and a mail. */
    ClosedDeal closedDealAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Deal deal = registry.register(newDeal("Afgesloten"), OFFICE);
        String instance = instanceOf(deal.getId());
        documents.upload(deal.getId(), document(), LEAD);
        outbox.record(new Outbox.Entry(
                "bewaar-" + UUID.randomUUID(),
                NotificationKind.PROMPT,
                deal.getId(),
                null,
                null,
                at,
                new Recipient(LEAD, "Anna", "anna@example.org"),
                new MailText("Onderwerp", "Tekst")));
        complete(
                instance,
                SCREEN_PARTICIPANT,
                Map.of(
                        PARTICIPANT_NAME, "Gemeente Zwolle",
                        PARTICIPANT_TYPE, "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE, "Brengt pilotlocaties in",
                        PARTICIPANT_ACCEPTED, true,
                        MORE_PARTICIPANTS, false));
        complete(
                instance,
                SECURE_COMMITMENT,
                Map.of(
                        RESOURCES_COMMITTED,
                        true,
                        "commitmentDescription",
                        "Wethouders van vijf gemeenten",
                        RESOURCES_DESCRIPTION,
                        "Gemeenten 0,5 fte elk",
                        EXECUTION_FUNDING_VIEW,
                        "Rijksbijdrage 2 mln"));
        complete(
                instance,
                AGREE_SETUP,
                Map.of(
                        SETUP,
                        "ONE_PART",
                        "rulesOfTheGame",
                        "Gelijkwaardig",
                        "sharedDirection",
                        "Klimaatbestendig bouwen"));
        complete(instance, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "ABANDON", REVIEW_REMARKS, "Geen gedeelde opgave"));
        complete(
                instance,
                SHARE_LESSONS,
                Map.of("positiveLessons", "Vroeg eigenaarschap besproken", "negativeLessons", "Te laat begonnen"));
        complete(instance, CLOSE_DEAL, Map.of("finalReport", "Eindrapport"));
        assertThat(registry.get(deal.getId()).getPhase()).isEqualTo(DealPhase.ABANDONED);
        assertThat(historicInstance(instance).getEndTime()).isNotNull();
        ClockUtil.reset();
        return new ClosedDeal(deal.getId(), instance);
    }

    void complete(String instance, String activity, Map<String, Object> variables) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(activity)
                .singleResult();
        assertThat(task).as("task " + activity).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    /** Runs the engine's history cleanup now, as its job would in the window. */
    void runHistoryCleanup() {
        String job = historyService.cleanUpHistoryAsync(true).getId();
        // each run removes at most a batch per kind of history; the shared test database may hold more that is due
        for (int run = 0; run < 10; run++) {
            managementService.executeJob(job);
        }
    }

    HistoricProcessInstance historicInstance(ClosedDeal deal) {
        return historicInstance(deal.processInstanceId());
    }

    HistoricProcessInstance historicInstance(String instance) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult();
    }

    String instanceOf(String dealId) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
    }

    Long pendingMail(String userId) {
        String key = "weg-" + UUID.randomUUID();
        outbox.record(new Outbox.Entry(
                key,
                NotificationKind.PROMPT,
                null,
                null,
                null,
                null,
                new Recipient(userId, userId, userId + "@example.org"),
                new MailText("Onderwerp", "Tekst")));
        return notifications.findAll().stream()
                .filter(n -> key.equals(n.getDedupeKey()))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    Long sentMail(String key, Instant at) {
        Long id = pendingMail("ontvanger-" + key);
        transaction.executeWithoutResult(tx -> {
            assertThat(notifications.claim(id, "test", at, at.plusSeconds(60))).isOne();
            assertThat(notifications.markSent(id, "test", at)).isOne();
        });
        return id;
    }

    DealDocuments.Upload document() {
        return new DealDocuments.Upload(
                DocumentKind.COVENANT,
                "convenant.pdf",
                "application/pdf",
                "%PDF-1.4 convenant".getBytes(StandardCharsets.US_ASCII));
    }

    NewDeal newDeal(String name) {
        return new NewDeal(
                name + " " + theme,
                theme,
                "Gemeente Zwolle",
                LEAD,
                OFFICE,
                "Een ambitie",
                DealSetup.ONE_PART,
                null,
                null,
                null,
                List.of(),
                null);
    }
}
