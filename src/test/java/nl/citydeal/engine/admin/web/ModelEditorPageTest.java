package nl.citydeal.engine.admin.web;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The model editor pages ({@code /admin/models/...}): each editor opens on what is deployed, the source endpoint
 * serves a model or form by its repository file name, the editor's deploy goes through the validated upload, and
 * all of it is for administrators only.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class ModelEditorPageTest {

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
    void adminPageLinksEveryProcessVersionDecisionTableAndFormToItsEditor() throws Exception {
        mvc.perform(get("/admin").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("/admin/models/versions/" + version(1) + "/edit"),
                                containsString("/admin/models/prompt-schedule.dmn/edit"),
                                containsString("/admin/models/scaling-route-advice.dmn/edit"),
                                containsString("/admin/models/agree-setup.form/edit"))));
    }

    @Test
    void processVersionOpensInTheBpmnModelerWithItsOwnXmlAsSource() throws Exception {
        String v1 = version(1);
        mvc.perform(get("/admin/models/versions/" + v1 + "/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-kind=\"bpmn\""),
                                containsString("data-file-name=\"city-deal.bpmn\""),
                                containsString("data-source-url=\"/admin/versions/" + v1 + "/diagram.bpmn\""),
                                containsString("/vendor/bpmn-js-modeler/bpmn-modeler.min.js"),
                                containsString("/js/model-editor.js"),
                                containsString("city-deal, versie 1 (1.0.0)"))));
        mvc.perform(get("/admin/models/versions/no-such-version/edit").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void decisionTablesAndFormsOpenInTheirEditorsOnTheDeployedContent() throws Exception {
        mvc.perform(get("/admin/models/prompt-schedule.dmn/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-kind=\"dmn\""),
                                containsString("data-source-url=\"/admin/models/prompt-schedule.dmn/source\""),
                                containsString("/vendor/dmn-js/dmn-modeler.min.js"))));
        mvc.perform(get("/admin/models/agree-setup.form/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-kind=\"form\""),
                                containsString("/vendor/form-js-editor/form-editor.min.js"))));

        byte[] dmn = mvc.perform(get("/admin/models/prompt-schedule.dmn/source").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_XML))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(dmn, StandardCharsets.UTF_8)).isEqualTo(model("processes/prompt-schedule.dmn"));
        mvc.perform(get("/admin/models/agree-setup.form/source").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string(model("forms/agree-setup.form")));
    }

    @Test
    void unknownOrMalformedFileNamesAreNotFound() throws Exception {
        mvc.perform(get("/admin/models/no-such-table.dmn/edit").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/models/no-such-form.form/source").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/models/application.yml/source").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void editorDeploysThroughTheValidatedUploadAndOffersTheMigrationOfRunningDeals() throws Exception {
        support.register();
        mvc.perform(multipart("/admin/models/deploy")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")))
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deployment.processVersions[0].key").value(CityDealProcess.KEY))
                .andExpect(jsonPath("$.deployment.processVersions[0].version").value(2))
                .andExpect(jsonPath("$.migrations[0].processDefinitionKey").value(CityDealProcess.KEY))
                .andExpect(jsonPath("$.migrations[0].sourceVersion").value(1))
                .andExpect(jsonPath("$.migrations[0].targetVersion").value(2))
                .andExpect(jsonPath("$.migrations[0].runningDeals").value(1));
    }

    @Test
    void editorDeployOfAnUnchangedFileDeploysNothing() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        mvc.perform(multipart("/admin/models/deploy")
                        .file(file("prompt-schedule.dmn", model("processes/prompt-schedule.dmn")))
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployment.deploymentId").doesNotExist())
                .andExpect(jsonPath("$.migrations").isEmpty());
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void refusedEditIsAProblemNamingTheFileAndDeploysNothing() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        mvc.perform(multipart("/admin/models/deploy")
                        .file(file("city-deal.bpmn", "<definitions>kapot"))
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']").isNotEmpty());
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void editorDeployWithoutTheCsrfTokenIsRefused() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        mvc.perform(multipart("/admin/models/deploy")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("1.0.2")))
                        .with(admin()))
                .andExpect(status().isForbidden());
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @ParameterizedTest(name = "{0} may not open the editors, their sources or deploy from them")
    @CsvSource({DEAL_LEAD + ",DEAL_LEAD", PROGRAMME_OFFICE + ",PROGRAMME_OFFICE"})
    void nonAdministratorIsRefusedEveryEditorPageSourceAndDeploy(String name, String role) throws Exception {
        RequestPostProcessor other = user(name).roles(role);
        long deployments = repositoryService.createDeploymentQuery().count();
        for (String page : new String[] {
            "/admin/models/versions/" + version(1) + "/edit",
            "/admin/models/prompt-schedule.dmn/edit",
            "/admin/models/scaling-route-advice.dmn/edit",
            "/admin/models/agree-setup.form/edit",
            "/admin/models/prompt-schedule.dmn/source",
            "/admin/models/agree-setup.form/source",
            "/admin/versions/" + version(1) + "/diagram.bpmn"
        }) {
            mvc.perform(get(page).with(other)).andExpect(status().isForbidden());
        }
        for (String action : new String[] {"/admin/models/deploy", "/admin/models/review"}) {
            mvc.perform(multipart(action)
                            .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                            .with(other)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
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
