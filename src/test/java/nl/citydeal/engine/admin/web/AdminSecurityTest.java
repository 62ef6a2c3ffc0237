package nl.citydeal.engine.admin.web;

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

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.admin.AdminTestSupport;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static nl.citydeal.engine.admin.web.AdminDeploymentApiTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Only administrators deploy or migrate, through every interface: the admin API, the admin page, the engine REST API. */
@CityDealSpringTest
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class AdminSecurityTest {

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

    @ParameterizedTest(name = "{0} may not upload models")
    @CsvSource({DEAL_LEAD + "," + DEAL_LEAD_PASSWORD, PROGRAMME_OFFICE + "," + PROGRAMME_OFFICE_PASSWORD})
    void nonAdministratorCannotUploadModelsAndNothingIsDeployed(String user, String password) throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();

        mvc.perform(multipart("/api/admin/deployments")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                        .with(httpBasic(user, password)))
                .andExpect(status().isForbidden());

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @ParameterizedTest(name = "{0} may not use the admin API")
    @CsvSource({DEAL_LEAD + "," + DEAL_LEAD_PASSWORD, PROGRAMME_OFFICE + "," + PROGRAMME_OFFICE_PASSWORD})
    void nonAdministratorCannotMigrateOrSeeMigrations(String user, String password) throws Exception {
        mvc.perform(post("/api/admin/migrations")
                        .with(httpBasic(user, password))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceVersion\":1,\"targetVersion\":2,\"dryRun\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/migrations/some-batch").with(httpBasic(user, password)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/versions").with(httpBasic(user, password))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallerOfTheAdminApiMustAuthenticate() throws Exception {
        mvc.perform(get("/api/admin/versions")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/admin/migrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void nonAdministratorCannotOpenTheAdminPageOrUseItsForms() throws Exception {
        mvc.perform(get("/admin").with(user(DEAL_LEAD).roles("DEAL_LEAD"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(user(PROGRAMME_OFFICE).roles("PROGRAMME_OFFICE")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/migrations")
                        .with(user(PROGRAMME_OFFICE).roles("PROGRAMME_OFFICE"))
                        .with(csrf())
                        .param("processDefinitionKey", "city-deal")
                        .param("sourceVersion", "1")
                        .param("targetVersion", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/deployments")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                        .with(user(DEAL_LEAD).roles("DEAL_LEAD"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/versions/x/diagram.bpmn").with(user(DEAL_LEAD).roles("DEAL_LEAD")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousVisitorOfTheAdminPageIsSentToTheLogin() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void nonAdministratorCannotDeployOrMigrateThroughTheEngineRestApi() throws Exception {
        mvc.perform(multipart("/engine-rest/deployment/create")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                        .with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/engine-rest/deployment/create")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                        .with(httpBasic(PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engine-rest/deployment/some-id/redeploy").with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/engine-rest/deployment/some-id").with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/engine-rest/engine/default/deployment/create")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6")))
                        .with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engine-rest/engine/default/migration/execute")
                        .with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engine-rest/migration/executeAsync")
                        .with(httpBasic(PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void noOneDeploysOrMigratesThroughTheWebappsEngineApi() throws Exception {
        mvc.perform(multipart("/camunda/api/engine/engine/default/deployment/create")
                        .file(file("city-deal.bpmn", cityDealWithVersionTag("6.6.6"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/camunda/api/engine/engine/default/migration/execute")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }
}
