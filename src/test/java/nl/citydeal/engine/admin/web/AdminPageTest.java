package nl.citydeal.engine.admin.web;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.admin.AdminTestSupport;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static nl.citydeal.engine.admin.web.AdminDeploymentApiTest.file;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators' page {@code /admin}: versions, diagrams, upload, dry run, migrate button, audit. */
@CityDealSpringTest
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class AdminPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RepositoryService repositoryService;

    @BeforeEach
    void setUp() {
        support.setUp();
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
    }

    @Test
    void administratorSeesEveryVersionWithItsTagRunningDealsDiagramAndTheAudit() throws Exception {
        support.register();
        support.register();
        uploadFromThePage(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")))
                .andExpect(status().isFound());
        String v1 = version(1);
        String v2 = version(2);

        mvc.perform(get("/admin").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Modelbeheer"),
                                containsString("<td>1.0.0</td>"),
                                containsString("<td>1.0.1</td>"),
                                containsString("<td>2</td>"),
                                containsString("/admin/versions/" + v1 + "/diagram.bpmn"),
                                containsString("/camunda/app/cockpit/default/#/process-definition/" + v2),
                                containsString("Proefmigratie"),
                                containsString("Migreren"),
                                containsString("name=\"_csrf\""),
                                containsString("prompt-schedule"),
                                containsString("Logboek"),
                                containsString("Uitgerold"),
                                containsString(ADMIN))));
    }

    @Test
    void theAdminPageAndTheOutboxHaveTheAppsMastheadWithBeheerAndTheOutboxInIt() throws Exception {
        mvc.perform(get("/admin").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("aria-label=\"Hoofdmenu\""),
                                containsString("href=\"/\""),
                                containsString("<a href=\"/admin\" aria-current=\"page\" class=\"active\">Beheer</a>"),
                                containsString("<a href=\"/admin/outbox\">Uitgaande mail</a>"),
                                containsString("Uitloggen"))));
        mvc.perform(get("/admin/outbox").with(admin()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<a href=\"/admin\">Beheer</a>"),
                                                containsString(
                                                        "<a href=\"/admin/outbox\" aria-current=\"page\" class=\"active\">Uitgaande mail</a>"))));
    }

    @Test
    void uploadFromThePageDeploysAndSaysSo() throws Exception {
        uploadFromThePage(file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("notice", containsString("1 nieuwe beslissingsversie")));
    }

    @Test
    void refusedUploadFromThePageShowsEveryProblemEscaped() throws Exception {
        uploadFromThePage(file("close-deal.form", "<script>alert('x')</script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Niet uitgerold"),
                                containsString("close-deal.form"),
                                containsString("JSON is onleesbaar"),
                                not(containsString("<script>alert")))));
    }

    @Test
    void dryRunFromThePageReportsPerDeal() throws Exception {
        ProcessInstance deal = support.register();
        uploadFromThePage(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")))
                .andExpect(status().isFound());

        mvc.perform(post("/admin/migrations/dry-run")
                        .with(admin())
                        .with(csrf())
                        .param("processDefinitionKey", CityDealProcess.KEY)
                        .param("sourceVersion", "1")
                        .param("targetVersion", "2"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Proefmigratie"),
                                containsString(deal.getBusinessKey()),
                                containsString("<td class=\"ok\">Ja</td>"))));
    }

    @Test
    void migrateButtonStartsTheMigrationAndThePageFollowsItsProgress() throws Exception {
        ProcessInstance deal = support.signed("2024-03-01", "2027-03-01");
        uploadFromThePage(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")))
                .andExpect(status().isFound());

        String location = mvc.perform(post("/admin/migrations")
                        .with(admin())
                        .with(csrf())
                        .param("processDefinitionKey", CityDealProcess.KEY)
                        .param("sourceVersion", "1")
                        .param("targetVersion", "2"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith("/admin?batch=")))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String batchId = location.substring(location.indexOf('=') + 1);
        mvc.perform(get(location).with(admin())).andExpect(content().string(containsString("Bezig")));

        support.runBatch(batchId);

        mvc.perform(get(location).with(admin()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Klaar."),
                                containsString("<span>1</span> van <span>1</span> deal(s)"))));
        org.assertj.core.api.Assertions.assertThat(support.processDefinitionId(deal))
                .isEqualTo(version(2));
    }

    @Test
    void migrateButtonWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/migrations")
                        .with(admin())
                        .param("processDefinitionKey", CityDealProcess.KEY)
                        .param("sourceVersion", "1")
                        .param("targetVersion", "2"))
                .andExpect(status().isForbidden());
    }

    @Test
    void migrationThatCannotStartShowsWhyOnThePage() throws Exception {
        mvc.perform(post("/admin/migrations")
                        .with(admin())
                        .with(csrf())
                        .param("processDefinitionKey", CityDealProcess.KEY)
                        .param("sourceVersion", "1")
                        .param("targetVersion", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Versie 5 van proces &#39;city-deal&#39; bestaat niet.")));
    }

    @Test
    void diagramOfEachVersionIsItsBpmn() throws Exception {
        mvc.perform(get("/admin/versions/" + version(1) + "/diagram.bpmn").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_XML))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("<bpmn:process id=\"city-deal\"")));
        mvc.perform(get("/admin/versions/no-such-version/diagram.bpmn").with(admin()))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions uploadFromThePage(
            org.springframework.mock.web.MockMultipartFile file) throws Exception {
        return mvc.perform(
                multipart("/admin/deployments").file(file).with(admin()).with(csrf()));
    }

    private static RequestPostProcessor admin() {
        return user(ADMIN).roles("ADMINISTRATOR");
    }

    private String version(int version) {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processDefinitionVersion(version)
                .singleResult()
                .getId();
    }
}
