package nl.citydeal.engine.admin;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptRepository;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.notify.MailText;
import nl.citydeal.engine.prompt.notify.Notification;
import nl.citydeal.engine.prompt.notify.NotificationKind;
import nl.citydeal.engine.prompt.notify.NotificationRepository;
import nl.citydeal.engine.prompt.notify.NotificationStatus;
import nl.citydeal.engine.prompt.notify.Outbox;
import nl.citydeal.engine.prompt.notify.WeeklyDigest;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.OWNERSHIP_PROMPT_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incidents (docs/operations.md): a prompt that could not fire (its job failed on every attempt) and a mail given up
 * appear on Storingen with their cause and a retry button, are in the programme office's weekly digest, and the
 * administrators are mailed once when they appear; a retry runs the job again and resolves the incident.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class IncidentsTest {

    static final String WATCHER = "incident-admin";
    static final String NO_ADDRESS = "incident-no-address";

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentAlerts alerts;

    @Autowired
    IncidentNoticeRepository notices;

    @Autowired
    Outbox outbox;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    PromptRepository prompts;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void setUp() {
        support.setUp();
        person(WATCHER, "beheer@example.org", Role.ADMINISTRATOR);
        person(NO_ADDRESS, null, Role.DEAL_LEAD);
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
        notifications.deleteAll(notifications.findAll().stream()
                .filter(mail ->
                        mail.getKind() == NotificationKind.INCIDENT || NO_ADDRESS.equals(mail.getRecipientUser()))
                .toList());
        notices.deleteAll();
        identityService.deleteUser(WATCHER);
        identityService.deleteUser(NO_ADDRESS);
    }

    @Test
    void aPromptThatCouldNotFireIsListedWithItsCauseMailedOnceAndFiresWhenRetried() throws Exception {
        ProcessInstance deal = support.signed("2024-03-01", "2027-03-01");
        String dealId = (String) runtimeService.getVariable(deal.getId(), CityDealProcess.Variable.DEAL_ID);
        Job timer = support.timer(deal, OWNERSHIP_PROMPT_DUE);
        // the deal's state is broken: the prompt cannot find its deal, on every attempt the engine makes
        runtimeService.removeVariable(deal.getId(), CityDealProcess.Variable.DEAL_ID);
        failOnEveryAttempt(timer);

        Incident incident = only(Incident.Source.JOB);
        assertThat(incident.what())
                .isEqualTo("Herinnering of termijn 'Eigenaarschapsgesprek aan de beurt' kon niet afgaan");
        assertThat(incident.cause()).isNotBlank();
        assertThat(incident.details()).contains("Exception");
        assertThat(incident.retryable()).isTrue();

        mvc.perform(get("/admin/incidents").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Eigenaarschapsgesprek aan de beurt"),
                                containsString("Technische details"),
                                containsString("/admin/incidents/job/" + incident.id() + "/retry"),
                                containsString("Opnieuw proberen"))));
        mvc.perform(get("/admin").with(admin()))
                .andExpect(content().string(containsString("Bekijk de oorzaak en probeer het opnieuw")));

        assertThat(alerts.check()).isGreaterThanOrEqualTo(1);
        assertThat(alerts.check())
                .as("a second check, as another node would run it")
                .isZero();
        List<Notification> mailed = incidentMailsTo(WATCHER);
        assertThat(mailed).hasSize(1);
        assertThat(mailed.get(0).getBody())
                .contains("Eigenaarschapsgesprek aan de beurt", "Oorzaak: ", "/admin/incidents")
                .startsWith("Beste ");

        // repaired, then retried from the page: the job runs again at once and the prompt fires
        runtimeService.setVariable(deal.getId(), CityDealProcess.Variable.DEAL_ID, dealId);
        mvc.perform(post("/admin/incidents/job/{id}/retry", incident.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/incidents"))
                .andExpect(flash().attribute("notice", "De taak van de engine wordt nu opnieuw uitgevoerd."));
        assertThat(incidents.open()).noneMatch(open -> open.ref().equals(incident.ref()));
        Job retried = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(1);
        managementService.executeJob(retried.getId());
        assertThat(prompts.findByDealIdOrderByDueAtAscIdAsc(dealId))
                .filteredOn(prompt -> prompt.getKind() == PromptKind.OWNERSHIP_CONVERSATION)
                .extracting(Prompt::getStatus)
                .containsExactly(PromptStatus.DUE);
        assertThat(support.timer(deal, OWNERSHIP_PROMPT_DUE)).isNull();

        alerts.check();
        assertThat(notices.refs()).doesNotContain(incident.ref());
        assertThat(audit.recent())
                .anySatisfy(entry -> assertThat(entry.getDetails())
                        .startsWith("Engine-storing " + incident.id() + " opnieuw geprobeerd"));
    }

    @Test
    void aMailGivenUpIsListedAndRetriedOnlyOnceTheRecipientHasAnAddress() throws Exception {
        outbox.record(new Outbox.Entry(
                "incident-test:no-address",
                NotificationKind.PROMPT,
                null,
                null,
                null,
                null,
                new Recipient(NO_ADDRESS, "Iris Zonder Adres", null),
                new MailText("Herinnering: eigenaarschap bespreken", "Beste Iris, ...")));
        Incident incident = only(Incident.Source.MAIL);
        assertThat(incident.what())
                .isEqualTo("Herinnering 'Herinnering: eigenaarschap bespreken' aan %s is opgegeven", NO_ADDRESS);
        assertThat(incident.cause()).isEqualTo("Geen e-mailadres bekend voor " + NO_ADDRESS + ".");

        mvc.perform(post("/api/admin/incidents/mail/{id}/retry", incident.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("nog steeds geen e-mailadres")));
        assertThat(notifications
                        .findById(Long.valueOf(incident.id()))
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(NotificationStatus.FAILED);

        User user = identityService.createUserQuery().userId(NO_ADDRESS).singleResult();
        user.setEmail("iris@example.org");
        identityService.saveUser(user);
        mvc.perform(post("/api/admin/incidents/mail/{id}/retry", incident.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("De mail wordt nu opnieuw verstuurd."));
        Notification retried =
                notifications.findById(Long.valueOf(incident.id())).orElseThrow();
        assertThat(retried.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(retried.getRecipientEmail()).isEqualTo("iris@example.org");
        assertThat(incidents.open()).noneMatch(open -> open.ref().equals(incident.ref()));

        mvc.perform(post("/api/admin/incidents/mail/{id}/retry", incident.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("misschien is hij intussen opgelost")));
    }

    @Test
    void aMailGivenUpCanBeLetGoAndStaysInTheOutboxAsCancelled() throws Exception {
        outbox.record(new Outbox.Entry(
                "incident-test:let-go",
                NotificationKind.REMINDER_BEFORE,
                null,
                null,
                null,
                null,
                new Recipient(NO_ADDRESS, null, null),
                new MailText("Vooraankondiging", "Beste ...")));
        Incident incident = only(Incident.Source.MAIL);

        mvc.perform(post("/admin/incidents/mail/{id}/dismiss", incident.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/incidents"))
                .andExpect(flash().attribute("notice", containsString("laten vervallen")));
        Notification cancelled =
                notifications.findById(Long.valueOf(incident.id())).orElseThrow();
        assertThat(cancelled.getStatus()).isEqualTo(NotificationStatus.CANCELLED);
        assertThat(cancelled.getLastError()).startsWith("Laten vervallen door " + AdminTestSupport.ADMIN);
    }

    @Test
    void theProgrammeOfficesWeeklyDigestListsTheIncidents() {
        outbox.record(new Outbox.Entry(
                "incident-test:digest",
                NotificationKind.PROMPT,
                null,
                null,
                null,
                null,
                new Recipient(NO_ADDRESS, null, null),
                new MailText("Herinnering voor het weekoverzicht", "Beste ...")));

        assertThat(digest.contents(AdminTestSupport.NOW.toInstant()).incidents())
                .anySatisfy(line -> assertThat(line.what()).contains("Herinnering voor het weekoverzicht"));
        assertThat(digest.contents(AdminTestSupport.NOW.toInstant(), "anna").incidents())
                .as("a deal lead's own digest has no incidents")
                .isEmpty();
    }

    @Test
    void onlyAdministratorsSeeOrRetryIncidentsAndARetryNeedsTheCsrfToken() throws Exception {
        mvc.perform(get("/admin/incidents").with(user("petra").roles("PROGRAMME_OFFICE")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/incidents").with(user("anna").roles("DEAL_LEAD")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/incidents/mail/1/retry").with(admin())).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/incidents/printer/1/retry").with(admin()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    /** Runs the job as the job executor would until the engine gives up on it (its retries) and opens an incident. */
    private void failOnEveryAttempt(Job job) {
        int attempts = 0;
        while (managementService
                        .createJobQuery()
                        .jobId(job.getId())
                        .singleResult()
                        .getRetries()
                > 0) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(Exception.class);
            assertThat(++attempts).as("attempts before the engine gives up").isLessThanOrEqualTo(10);
        }
    }

    private Incident only(Incident.Source source) {
        List<Incident> ours = incidents.open().stream()
                .filter(incident -> incident.source() == source)
                .filter(incident ->
                        source == Incident.Source.JOB || incident.what().contains(NO_ADDRESS))
                .toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    private List<Notification> incidentMailsTo(String userId) {
        return notifications.findAll().stream()
                .filter(mail -> mail.getKind() == NotificationKind.INCIDENT && userId.equals(mail.getRecipientUser()))
                .toList();
    }

    private void person(String id, String email, Role role) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            identityService.deleteUser(id);
        }
        User user = identityService.newUser(id);
        user.setPassword("Storing-2026-Test!");
        user.setEmail(email);
        identityService.saveUser(user);
        identityService.createMembership(id, role.groupId());
    }

    private static RequestPostProcessor admin() {
        return user(AdminTestSupport.ADMIN).roles("ADMINISTRATOR");
    }
}
