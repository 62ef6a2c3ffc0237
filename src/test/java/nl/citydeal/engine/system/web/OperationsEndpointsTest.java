package nl.citydeal.engine.system.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators and probes see: readiness with the engine, the job executor and the database; liveness; the
 * metrics for Prometheus, for administrators only.
 */
@CityDealSpringTest
@AlsoOnPostgres
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTest {

    /** Administrators of their own: another test's failed logins may have locked the configured one for a while. */
    static final String ADMIN = "oscar";

    static final String ADMIN_PASSWORD = "Operaties-Beheer-2026!";
    static final String OFFICE = "olga";
    static final String OFFICE_PASSWORD = "Operaties-Bureau-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void users() {
        createUser(ADMIN, ADMIN_PASSWORD, Role.ADMINISTRATOR);
        createUser(OFFICE, OFFICE_PASSWORD, Role.PROGRAMME_OFFICE);
    }

    private void createUser(String id, String password, Role role) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, role.groupId());
        }
    }

    @Test
    void probesAreOpenAndTellNoMoreThanTheirState() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));
    }

    @Test
    void readinessChecksTheEngineTheJobExecutorAndTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness").with(user(ADMIN).roles("ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.camundaEngine.status").value("UP"))
                .andExpect(jsonPath("$.components.camundaEngine.details.schemaVersion")
                        .value("7.24.0"))
                .andExpect(jsonPath("$.components.camundaEngine.details.processDefinitions")
                        .value(greaterThanOrEqualTo(1)))
                // the tests switch the job executor off: a node without one is ready, and says so
                .andExpect(jsonPath("$.components.jobExecutor.status").value("UP"))
                .andExpect(jsonPath("$.components.jobExecutor.details.enabled").value(false))
                .andExpect(jsonPath("$.components.jobExecutor.details.active").value(false))
                .andExpect(jsonPath("$.components.jobExecutor.details.jobsDue").isNumber())
                .andExpect(
                        jsonPath("$.components.jobExecutor.details.jobsFailed").isNumber())
                .andExpect(jsonPath("$.components.processEngine").doesNotExist());
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health").with(user(OFFICE).roles("PROGRAMME_OFFICE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(user("lead").roles("DEAL_LEAD")))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(user(ADMIN).roles("ADMINISTRATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.details.database").exists())
                .andExpect(jsonPath("$.components.camundaEngine.details.schemaVersion")
                        .value("7.24.0"));
    }

    @Test
    void prometheusScrapesWithAnAdministratorsLoginOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(OFFICE, OFFICE_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("nobody", "guess")))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("citydeal_jobs_due ")))
                .andExpect(content().string(containsString("citydeal_jobs_failed ")))
                .andExpect(content().string(containsString("citydeal_prompts_due ")))
                .andExpect(content().string(containsString("citydeal_prompts_fired_total ")))
                .andExpect(content().string(containsString("citydeal_mails_sent_total ")))
                .andExpect(content().string(containsString("citydeal_outbox_failed ")))
                .andExpect(content().string(containsString("citydeal_ready 1.0")))
                // the tests switch the job executor off: not running, and not meant to
                .andExpect(content().string(containsString("citydeal_job_executor_active{enabled=\"false\"} 0.0")))
                .andExpect(content().string(containsString("hikaricp_connections_max")));
    }

    @Test
    void readyGaugeDropsToZeroWhileTheNodeRefusesTraffic() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("citydeal_ready 0.0")));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(content().string(containsString("citydeal_ready 1.0")));
    }

    @Test
    void outboxBacklogCountsTheMailsWaitingToBeSent() throws Exception {
        Long before = jdbc.queryForObject("select count(*) from notification where status = 'PENDING'", Long.class);
        jdbc.update("""
                insert into notification (dedupe_key, kind, recipient_user, recipient_email, subject, body, status, attempts,
                                          next_attempt_at, created_at)
                values ('operations-test', 'DIGEST', 'olga', 'olga@citydeal.example', 'Weekoverzicht', 'Tekst', 'PENDING', 0,
                        current_timestamp, current_timestamp)""");
        try {
            mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("citydeal_outbox_backlog %d.0".formatted(before + 1))));
        } finally {
            jdbc.update("delete from notification where dedupe_key = 'operations-test'");
        }
    }
}
