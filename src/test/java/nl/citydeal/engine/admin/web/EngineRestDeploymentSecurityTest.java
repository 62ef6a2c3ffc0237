package nl.citydeal.engine.admin.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.admin.AdminTestSupport;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploying from Camunda Modeler: {@code POST /engine-rest/deployment/create} (or {@code /engine-rest/engine/{name}/...})
 * on the real server (the engine REST API is a servlet of its own, beside Spring MVC; the test engine has a unique name). An administrator deploys; anyone else gets 403 and deploys nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdminTestSupport.class)
class EngineRestDeploymentSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void setUp() {
        support.setUp();
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
    }

    @Test
    void onlyAnAdministratorDeploysThroughTheEngineRestApi() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();

        String namedEngine = "/engine-rest/engine/" + engine.getName();

        assertThat(deploy("/engine-rest", DEAL_LEAD, DEAL_LEAD_PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(deploy(namedEngine, DEAL_LEAD, DEAL_LEAD_PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(deploy("/engine-rest", PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(deploy(namedEngine, PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

        HttpResponse<String> byAdmin = deploy(namedEngine, ADMIN, ADMIN_PASSWORD);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"name\":\"modeler-deployment\"");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments + 1);
    }

    @Test
    void theEngineRefusesAModelWithCodeEvenFromAnAdministrator() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        String withClass = changed(
                "processes/city-deal.bpmn",
                "camunda:delegateExpression=\"${planPromptsDelegate}\">",
                "camunda:class=\"java.lang.Object\">");

        HttpResponse<String> byAdmin =
                deploy("/engine-rest/engine/" + engine.getName(), ADMIN, ADMIN_PASSWORD, withClass);

        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(400);
        assertThat(byAdmin.body())
                .contains(
                        "uitrolbeleid",
                        "'ServiceTask_PlanPrompts' (Herinneringen plannen)",
                        "Java-klasse (camunda:class=\\\"java.lang.Object\\\")");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theEngineRefusesAPromptScheduleItCouldNotPlanWithEvenFromAnAdministrator() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        String twoRowsForOnePrompt = model("processes/prompt-schedule.dmn")
                .replace("<text>\"SCALING_PLAN_DUE\"</text>", "<text>\"SCALING_EXPLORATION\"</text>");

        HttpResponse<String> byAdmin = deploy(
                "/engine-rest/engine/" + engine.getName(),
                ADMIN,
                ADMIN_PASSWORD,
                "prompt-schedule.dmn",
                twoRowsForOnePrompt);

        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(400);
        assertThat(byAdmin.body()).contains("De uitrol is geweigerd", "Er is geen regel voor SCALING_PLAN_DUE");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private HttpResponse<String> deploy(String engineRest, String user, String password)
            throws IOException, InterruptedException {
        return deploy(engineRest, user, password, cityDealWithVersionTag("9.9.9"));
    }

    /** What Camunda Modeler sends: a multipart deployment with a name and the BPMN. */
    private HttpResponse<String> deploy(String engineRest, String user, String password, String bpmn)
            throws IOException, InterruptedException {
        return deploy(engineRest, user, password, "city-deal.bpmn", bpmn);
    }

    private HttpResponse<String> deploy(
            String engineRest, String user, String password, String fileName, String content)
            throws IOException, InterruptedException {
        String boundary = "----" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler-deployment\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + engineRest + "/deployment/create"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
