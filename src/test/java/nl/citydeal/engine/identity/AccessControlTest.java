package nl.citydeal.engine.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, through every interface: the app's pages, the engine REST API and the Tasklist API.
 * Two deals led by two deal leads; a deal lead must never see or touch the other's deal.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "camunda.bpm.generate-unique-process-engine-name=false") // the REST API and webapps serve "default"
@ActiveProfiles("test")
class AccessControlTest {

    static final String PASSWORD = "Access-Test-2026!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry dealRegistry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    DealAccess dealAccess;

    String ownDeal;
    String otherDeal;
    String otherTask;

    @BeforeEach
    void twoDealsWithTwoLeads() {
        user("lead-one", Role.DEAL_LEAD);
        user("lead-two", Role.DEAL_LEAD);
        user("office", Role.PROGRAMME_OFFICE);
        user("beheer", Role.ADMINISTRATOR);
        user("throttled", Role.DEAL_LEAD);
        ownDeal = instanceOf(dealRegistry.register(deal("lead-one"), "office").getId());
        otherDeal = instanceOf(dealRegistry.register(deal("lead-two"), "office").getId());
        otherTask = taskService
                .createTaskQuery()
                .processInstanceId(otherDeal)
                .singleResult()
                .getId();
    }

    @ParameterizedTest(name = "{0} {1} as {2} answers {3}")
    @CsvSource({
        // method, path,                                           user,      status
        "GET,  /engine-rest/process-definition,                   ,          401",
        "GET,  /engine-rest/process-definition,                   wrong,     401",
        "GET,  /engine-rest/process-definition,                   unknown,   401",
        "GET,  /engine-rest/process-definition,                   lead-one,  200",
        "GET,  /engine-rest/process-definition,                   office,    200",
        "GET,  /engine-rest/task,                                 ,          401",
        "GET,  /engine-rest/task,                                 lead-one,  200",
        "GET,  /engine-rest/deployment,                           lead-one,  200",
        "POST, /engine-rest/process-definition/key/city-deal/start, lead-one, 403",
        "POST, /engine-rest/process-definition/key/city-deal/start, office,   200",
        "POST, /engine-rest/process-definition/key/city-deal/start, beheer,   200",
        // a deal lead's list holds only their own profile (WebappSecurityTest), the office's everyone
        "GET,  /engine-rest/user,                                 lead-one,  200",
        "GET,  /engine-rest/metrics/activity-instance-start/sum,      lead-one,  403",
        "GET,  /engine-rest/metrics/activity-instance-start/sum,      office,    403",
        "GET,  /engine-rest/engine/default/metrics/activity-instance-start/sum, office, 403",
        "GET,  /engine-rest/metrics/activity-instance-start/sum,      beheer,    200",
        "POST, /engine-rest/user/create,                          office,    403",
        "GET,  /engine-rest/authorization,                        lead-one,  200",
        "GET,  /api/deals,                                        ,          401",
        "GET,  /api/deals,                                        wrong,     401",
        "GET,  /api/deals,                                        lead-one,  200",
        "GET,  /api/deals,                                        office,    200",
        "POST, /api/deals,                                        lead-one,  403",
        "POST, /api/deals,                                        office,    201",
        "POST, /api/deals,                                        beheer,    201",
        "POST, /api/deals/import,                                 lead-one,  403",
        "GET,  /api/portfolio,                                    ,          401",
        "GET,  /api/portfolio,                                    lead-one,  200",
        "GET,  /api/portfolio.csv,                                lead-one,  200",
        "GET,  /api/lessons,                                      lead-one,  200",
        "GET,  /api/admin/versions,                               office,    403",
        "GET,  /api/admin/versions,                               beheer,    200",
        "GET,  /v3/api-docs,                                      ,          401",
        "GET,  /v3/api-docs,                                      lead-one,  200",
        "POST, /v3/api-docs,                                      lead-one,  403",
        "GET,  /favicon.ico,                                      ,          200",
        "GET,  /admin,                                            ,          302",
        "GET,  /actuator/health,                                  ,          200",
        "GET,  /,                                                 ,          302",
        "GET,  /camunda/api/engine/engine/default/task,           ,          401"
    })
    void eachRoleGetsExactlyItsAllowedAnswers(String method, String path, String user, int status) throws Exception {
        String body = path.equals("/api/deals") && method.equals("POST")
                ? "{\"name\":\"City Deal Toegang\",\"theme\":\"test\",\"leadOrganisation\":\"Gemeente\",\"dealLead\":\"lead-one\"}"
                : path.endsWith("/import")
                        ? "name,theme,signed_on,ends_on,lead\n"
                        : path.endsWith("/start")
                                ? "{\"variables\":{\"dealName\":{\"value\":\"Test\"},\"dealLead\":{\"value\":\"lead-one\"}}}"
                                // a password the policy accepts: the engine checks the policy before the caller's
                                // authorization
                                : path.endsWith("/user/create")
                                        ? "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Indringer-2026!\"}}"
                                        : null;
        assertThat(call(method, path, user, body).statusCode()).isEqualTo(status);
    }

    @Test
    void dealLeadSeesOnlyTheDealsAndTasksTheyLead() throws Exception {
        assertThat(call("GET", "/engine-rest/process-instance", "lead-one", null)
                        .body())
                .contains(ownDeal)
                .doesNotContain(otherDeal);
        assertThat(call("GET", "/engine-rest/task", "lead-one", null).body())
                .contains(ownDeal)
                .doesNotContain(otherDeal);
        assertThat(call("GET", "/engine-rest/process-instance", "office", null).body())
                .contains(ownDeal)
                .contains(otherDeal);
    }

    @Test
    void dealLeadCannotReadClaimOrCompleteAnotherLeadsTask() throws Exception {
        assertThat(call("GET", "/engine-rest/task/" + otherTask, "lead-one", null)
                        .statusCode())
                .isIn(403, 404);
        assertThat(call("GET", "/engine-rest/process-instance/" + otherDeal + "/variables", "lead-one", null)
                        .statusCode())
                .isIn(403, 404);
        assertThat(call("POST", "/engine-rest/task/" + otherTask + "/claim", "lead-one", "{\"userId\":\"lead-one\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/engine-rest/task/" + otherTask + "/complete", "lead-one", "{}")
                        .statusCode())
                .isIn(403, 500);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(otherTask)
                        .singleResult()
                        .getAssignee())
                .isEqualTo("lead-two");
    }

    @Test
    void dealLeadCannotSeeAnotherLeadsTaskInTasklist() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(
                HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString("username=lead-one&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);

        HttpResponse<String> tasks = browser.send(
                HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task?maxResults=50"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).contains(ownDeal).doesNotContain(otherDeal);
    }

    @Test
    void changingTheLeadMovesTheAccessWithIt() throws Exception {
        runtimeService.setVariable(otherDeal, "dealLead", "lead-one");
        dealAccess.changeLead(otherDeal, "lead-two", "lead-one");

        assertThat(call("GET", "/engine-rest/process-instance", "lead-one", null)
                        .body())
                .contains(otherDeal);
        assertThat(call("GET", "/engine-rest/task", "lead-one", null).body()).contains(otherDeal);
        assertThat(call("GET", "/engine-rest/process-instance", "lead-two", null)
                        .body())
                .doesNotContain(otherDeal);
        assertThat(call("GET", "/engine-rest/task", "lead-two", null).body()).doesNotContain(otherDeal);
        assertThat(call("GET", "/engine-rest/task/" + otherTask, "lead-two", null)
                        .statusCode())
                .isIn(403, 404);
    }

    @Test
    void everyRoleHasItsOwnTasklistFilters() throws Exception {
        assertThat(call("GET", "/engine-rest/filter", "lead-one", null).body())
                .contains("Mijn taken", "Binnenkort verlopen")
                .doesNotContain("Escalaties");
        assertThat(call("GET", "/engine-rest/filter", "office", null).body())
                .contains(
                        "Taken programmabureau", "Alle open taken", "Escalaties", "Achterstallige prompts", "Per fase")
                .doesNotContain("Mijn taken");
    }

    /** Calls the API as the user; lists ask for a page, as the engine refuses unbounded lists. */
    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        boolean list = "GET".equals(method)
                && path.startsWith("/engine-rest/")
                && path.chars().filter(c -> c == '/').count() == 2;
        String contentType = path.endsWith("/import") ? "text/csv" : "application/json";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(list ? path + "?maxResults=100" : path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (user != null) {
            // a wrong password throttles that user's next logins: try it on a user of its own
            String password = "wrong".equals(user) ? "not-the-password" : PASSWORD;
            String login = "wrong".equals(user) ? "throttled" : user;
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void user(String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }

    private String instanceOf(String dealId) {
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult();
        return instance.getId();
    }

    private static NewDeal deal(String lead) {
        return new NewDeal(
                "City Deal " + lead,
                "test",
                "Gemeente",
                lead,
                null,
                "Ambitie",
                null,
                null,
                null,
                null,
                java.util.List.of(),
                null);
    }
}
