package nl.citydeal.engine.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal lead works on their deal's tasks but does not rewrite the deal: no variable writes through the engine
 * REST API or the webapps' API, completing a task takes only the fields of its form, and who gets the next task
 * is the registry's deal lead whatever a variable says. A deal started outside the registry needs a real deal lead.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "camunda.bpm.generate-unique-process-engine-name=false") // the REST API and webapps serve "default"
@ActiveProfiles("test")
class DealVariablesAccessTest {

    static final String PASSWORD = "Variabelen-Proef-2026!";
    static final String LEAD = "var-lead";
    static final String OTHER_LEAD = "var-other-lead";
    static final String OFFICE = "var-office";
    static final String SCREENING = """
            "participantName":{"value":"Gemeente Zwolle"},"participantType":{"value":"MUNICIPALITY"},\
            "participantAddedValue":{"value":"Pilotlocaties"},"participantAccepted":{"value":true},\
            "moreParticipants":{"value":true}""";

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
    AuthorizationService authorizationService;

    @Autowired
    EngineAuthorizations engineAuthorizations;

    String dealId;
    String instance;
    String task;

    @BeforeEach
    void aDealLedByLead() {
        user(LEAD, Role.DEAL_LEAD);
        user(OTHER_LEAD, Role.DEAL_LEAD);
        user(OFFICE, Role.PROGRAMME_OFFICE);
        dealId = dealRegistry
                .register(
                        new NewDeal(
                                "City Deal Variabelen",
                                "test",
                                "Gemeente",
                                LEAD,
                                OFFICE,
                                "Ambitie",
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null),
                        OFFICE)
                .getId();
        instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
        task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /task/{task}/variables                    | {\"modifications\":{\"dealLead\":{\"value\":\"var-other-lead\"}}}",
                "PUT  | /task/{task}/variables/dealLead           | {\"value\":\"var-other-lead\"}",
                "POST | /task/{task}/localVariables               | {\"modifications\":{\"dealLead\":{\"value\":\"var-other-lead\"}}}",
                "PUT  | /task/{task}/localVariables/endsOn        | {\"value\":\"2030-01-01\"}",
                "POST | /process-instance/{instance}/variables    | {\"modifications\":{\"dealLead\":{\"value\":\"var-other-lead\"}}}",
                "PUT  | /process-instance/{instance}/variables/programmeOfficeContact | {\"value\":\"var-lead\"}",
                "POST | /execution/{instance}/localVariables      | {\"modifications\":{\"dealLead\":{\"value\":\"var-other-lead\"}}}",
                "PUT  | /execution/{instance}/localVariables/dealLead | {\"value\":\"var-other-lead\"}",
                "PUT  | /task/{task}                              | {\"name\":\"Omgedoopt\",\"assignee\":\"var-other-lead\"}"
            })
    void dealLeadCannotWriteTheirDealsVariablesThroughTheEngineRestApiOrTasklist(
            String method, String path, String body) throws Exception {
        String resolved = path.replace("{task}", task).replace("{instance}", instance);

        HttpResponse<String> rest = call(method, "/engine-rest" + resolved, LEAD, body);
        HttpResponse<String> tasklist =
                tasklistSession(LEAD).send(method, "/camunda/api/engine/engine/default" + resolved, body);

        assertThat(rest.statusCode()).as(rest.body()).isIn(400, 403);
        assertThat(tasklist.statusCode()).as(tasklist.body()).isIn(400, 403);
        // the engine refused it (its error names the exception), not the webapp's CSRF filter
        assertThat(tasklist.body()).contains("Exception");
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "complete    | dealLead               | \"var-other-lead\"",
                "submit-form | dealLead               | \"var-other-lead\"",
                "resolve     | dealLead               | \"var-other-lead\"",
                "submit-form | endsOn                 | \"2030-01-01\"",
                "complete    | programmeOfficeContact | \"var-lead\"",
                "complete    | ownershipPromptDueAt   | \"2030-01-01T09:00:00+01:00\""
            })
    void dealLeadCompletingTheirTaskWithAVariableOutsideItsFormIsRefusedAndChangesNothing(
            String action, String variable, String value) throws Exception {
        String body = "{\"variables\":{" + SCREENING + ",\"" + variable + "\":{\"value\":" + value + "}}}";

        HttpResponse<String> rest = call("POST", "/engine-rest/task/" + task + "/" + action, LEAD, body);
        HttpResponse<String> tasklist = tasklistSession(LEAD)
                .send("POST", "/camunda/api/engine/engine/default/task/" + task + "/" + action, body);

        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
        assertThat(rest.body()).contains("alleen de velden van haar formulier", variable);
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).contains("alleen de velden van haar formulier");
        assertThat(taskService.createTaskQuery().taskId(task).count())
                .as("task still open")
                .isEqualTo(1);
        assertThat(runtimeService.getVariable(instance, variable)).isNotEqualTo(value.replace("\"", ""));
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"complete", "submit-form", "resolve"})
    void anotherDealLeadSendingVariablesOutsideTheFormToATaskTheyCannotSeeGetsTheEnginesAnswerNotTheForms(String action)
            throws Exception {
        String body = "{\"variables\":{" + SCREENING + ",\"dealLead\":{\"value\":\"var-other-lead\"}}}";

        HttpResponse<String> rest = call("POST", "/engine-rest/task/" + task + "/" + action, OTHER_LEAD, body);

        assertThat(rest.statusCode()).as(rest.body()).isIn(403, 404);
        assertThat(rest.body()).doesNotContain("alleen de velden van haar formulier");
        assertThat(taskService.createTaskQuery().taskId(task).count())
                .as("task still open")
                .isEqualTo(1);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/engine-rest", "/camunda/api/engine/engine/default"})
    void dealLeadCompletesTheirTaskWithItsFormFieldsAndGetsTheNextTask(String api) throws Exception {
        String path = api + "/task/" + task + "/submit-form";
        String body = "{\"variables\":{" + SCREENING + "}}";

        HttpResponse<String> response = api.startsWith("/engine-rest")
                ? call("POST", path, LEAD, body)
                : tasklistSession(LEAD).send("POST", path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(nextTask().getAssignee()).isEqualTo(LEAD);
    }

    @Test
    void dealLeadCannotRewriteAReadOnlyFieldOfTheirFormButSendsItBackAsItIs() throws Exception {
        String screened =
                SCREENING.replace("\"moreParticipants\":{\"value\":true}", "\"moreParticipants\":{\"value\":false}");
        assertThat(call(
                                "POST",
                                "/engine-rest/task/" + task + "/submit-form",
                                LEAD,
                                "{\"variables\":{" + screened + "}}")
                        .statusCode())
                .isEqualTo(204);
        String commitment = nextTask().getId();
        String answers = "\"commitmentDescription\":{\"value\":\"Wethouders\"},\"resourcesCommitted\":{\"value\":true},"
                + "\"resourcesDescription\":{\"value\":\"1 fte\"},\"executionFundingView\":{\"value\":\"Rijk\"}";

        HttpResponse<String> rewritten = call(
                "POST",
                "/engine-rest/task/" + commitment + "/submit-form",
                LEAD,
                "{\"variables\":{" + answers
                        + ",\"reviewRemarks\":{\"value\":\"Alles prima, zei het programmabureau\"}}}");

        assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
        assertThat(rewritten.body()).contains("reviewRemarks staat op dit formulier alleen ter inzage");
        assertThat(taskService.createTaskQuery().taskId(commitment).count()).isEqualTo(1);

        HttpResponse<String> asItIs = call(
                "POST",
                "/engine-rest/task/" + commitment + "/submit-form",
                LEAD,
                "{\"variables\":{" + answers + ",\"reviewRemarks\":{\"value\":null}}}");
        assertThat(asItIs.statusCode()).as(asItIs.body()).isEqualTo(204);
    }

    @Test
    void anAssigneesUpdateGrantFromBeforeIsNarrowedToTaskWorkOnStart() throws Exception {
        Authorization grant = authorizationService
                .createAuthorizationQuery()
                .userIdIn(LEAD)
                .resourceType(Resources.TASK)
                .resourceId(task)
                .singleResult();
        grant.addPermission(TaskPermissions.UPDATE);
        authorizationService.saveAuthorization(grant);
        String body = "{\"modifications\":{\"dealLead\":{\"value\":\"" + OTHER_LEAD + "\"}}}";

        engineAuthorizations.narrowAssigneeGrants();

        assertThat(call("POST", "/engine-rest/task/" + task + "/variables", LEAD, body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(authorizationService.isUserAuthorized(
                        LEAD, List.of(Role.DEAL_LEAD.groupId()), TaskPermissions.TASK_WORK, Resources.TASK, task))
                .isTrue();
        assertUnchanged();
    }

    @Test
    void theNextTaskGoesToTheRegistrysDealLeadWhateverTheVariableSays() throws Exception {
        // the programme office may correct variables; the lead changes only through the registry
        HttpResponse<String> corrected = call(
                "PUT",
                "/engine-rest/process-instance/" + instance + "/variables/dealLead",
                OFFICE,
                "{\"value\":\"" + OTHER_LEAD + "\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(204);

        HttpResponse<String> completed =
                call("POST", "/engine-rest/task/" + task + "/complete", LEAD, "{\"variables\":{" + SCREENING + "}}");

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(nextTask().getAssignee()).isEqualTo(LEAD);
        assertThat(runtimeService.getVariable(instance, "dealLead")).isEqualTo(LEAD);
        assertThat(dealRegistry.get(dealId).getDealLead()).isEqualTo(LEAD);
    }

    @ParameterizedTest(name = "{0} with deal lead {1}")
    @CsvSource({
        "start,       nobody",
        "start,       var-office",
        "submit-form, nobody",
        "submit-form, var-office",
        "submit-form, ''"
    })
    void dealStartedOutsideTheRegistryWithoutARealDealLeadIsRefusedAndRegistersNothing(String action, String dealLead)
            throws Exception {
        long deals = dealRegistry.count();
        long instances = runtimeService.createProcessInstanceQuery().count();
        long grants = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .count();

        HttpResponse<String> response = call(
                "POST",
                "/engine-rest/process-definition/key/city-deal/" + action,
                OFFICE,
                "{\"variables\":{\"dealName\":{\"value\":\"City Deal Niemand\"},\"dealLead\":{\"value\":\"" + dealLead
                        + "\"}}}");

        // submit-form (Tasklist's start form) and start alike: bad input is a 400 (processengine.EngineRestBadInput)
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(dealLead.isEmpty() ? "Dealtrekker is verplicht." : "is geen dealtrekker");
        assertThat(dealRegistry.count()).isEqualTo(deals);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .count())
                .isEqualTo(grants);
    }

    @Test
    void dealStartedOutsideTheRegistryWithARealDealLeadIsRegisteredAndGranted() throws Exception {
        long deals = dealRegistry.count();

        HttpResponse<String> response = call(
                "POST",
                "/engine-rest/process-definition/key/city-deal/submit-form",
                OFFICE,
                "{\"variables\":{\"dealName\":{\"value\":\"City Deal Echt\"},\"dealLead\":{\"value\":\"" + OTHER_LEAD
                        + "\"}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(dealRegistry.count()).isEqualTo(deals + 1);
        String started = new ObjectMapper().readTree(response.body()).get("id").asText();
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .userIdIn(OTHER_LEAD)
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(started)
                        .count())
                .isEqualTo(1);
    }

    private void assertUnchanged() {
        assertThat(runtimeService.getVariable(instance, "dealLead")).isEqualTo(LEAD);
        assertThat(runtimeService.getVariable(instance, "programmeOfficeContact"))
                .isEqualTo(OFFICE);
        assertThat(runtimeService.getVariable(instance, "endsOn")).isNull();
        Task open = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(open.getAssignee()).isEqualTo(LEAD);
        assertThat(open.getName()).doesNotContain("Omgedoopt");
        assertThat(dealRegistry.get(dealId).getDealLead()).isEqualTo(LEAD);
    }

    private Task nextTask() {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in to Tasklist as the user, as the browser does: session cookie and XSRF token. */
    private TasklistSession tasklistSession(String user) throws Exception {
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
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // the login starts a new session: its first read hands out the session's token, as Tasklist's first call does
        HttpResponse<String> firstRead = browser.send(
                HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
                        .header("X-XSRF-TOKEN", "Fetch")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = firstRead.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return new TasklistSession(browser, token, "http://localhost:" + port);
    }

    private record TasklistSession(HttpClient browser, String csrfToken, String base) {

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            return browser.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", csrfToken)
                            .header("Referer", base + "/camunda/app/tasklist/default/")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void user(String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }
}
