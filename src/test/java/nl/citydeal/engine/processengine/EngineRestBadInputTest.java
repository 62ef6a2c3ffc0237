package nl.citydeal.engine.processengine;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input answers 400 with its Dutch message and nothing else, whichever way it comes in: the engine REST API and
 * the webapps' API that Tasklist calls, completing or submitting a task, submitting the start form.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "camunda.bpm.generate-unique-process-engine-name=false") // the REST API and webapps serve "default"
@ActiveProfiles("test")
class EngineRestBadInputTest {

    static final String PASSWORD = "Invoer-Proef-2026!";
    static final String LEAD = "input-lead";
    static final String OFFICE = "input-office";
    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP = "/camunda/api/engine/engine/default";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry dealRegistry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        ENGINE_REST + ", complete",
        ENGINE_REST + ", submit-form",
        WEBAPP + ",      complete",
        WEBAPP + ",      submit-form"
    })
    void aSendBackWithoutRemarksAnswers400WithTheDutchMessageOnlyAndLeavesTheTaskOpen(String api, String action)
            throws Exception {
        String task = openTask(dealAt(REVIEW_PROPOSAL), REVIEW_PROPOSAL);

        HttpResponse<String> response = post(
                api,
                OFFICE,
                "/task/" + task + "/" + action,
                "{\"variables\":{\"reviewDecision\":{\"value\":\"SEND_BACK\"}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response))
                .isEqualTo("Geef bij terugsturen of afblazen opmerkingen: wat ontbreekt er, of waarom stopt de deal?");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ENGINE_REST + ", complete", WEBAPP + ", submit-form"})
    void aDealLeadTickingResourcesWithoutDescribingThemGets400WithTheDutchMessageOnly(String api, String action)
            throws Exception {
        String task = openTask(dealAt(SECURE_COMMITMENT), SECURE_COMMITMENT);
        String body = """
                {"variables":{"commitmentDescription":{"value":"Wethouders"},"resourcesCommitted":{"value":true},\
                "executionFundingView":{"value":"Rijksbijdrage"}}}""";

        HttpResponse<String> response = post(api, LEAD, "/task/" + task + "/" + action, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response))
                .isEqualTo("Beschrijf de toegezegde middelen (per partij: bedrag, fte of andere inzet); zonder die"
                        + " beschrijving tellen de middelen niet als toegezegd.");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ENGINE_REST + ", complete", WEBAPP + ", submit-form"})
    void aSigningWithAStaatscourantYearOutOfRangeGets400WithTheDutchMessageOnlyAndRecordsNothing(
            String api, String action) throws Exception {
        String instance = dealAt(RECORD_SIGNING);
        String task = openTask(instance, RECORD_SIGNING);
        String body = """
                {"variables":{"signedOn":{"value":"2025-01-01"},"endsOn":{"value":"2028-01-01"},\
                "staatscourantYear":{"value":1989,"type":"Integer"},"staatscourantNumber":{"value":12345,"type":"Integer"}}}""";

        HttpResponse<String> response = post(api, OFFICE, "/task/" + task + "/" + action, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response))
                .isEqualTo("Het jaar van de Staatscourant moet tussen 1990 en %d liggen; 1989 kan niet."
                        .formatted(java.time.LocalDate.now().getYear() + 1));
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        String dealId = (String) runtimeService.getVariable(instance, DEAL_ID);
        assertThat(dealRegistry.get(dealId).getSignedOn()).isNull();
        assertThat(dealRegistry.get(dealId).getStaatscourant()).isNull();
    }

    @ParameterizedTest(name = "{0} with lead {1}, {2} to {3}")
    @CsvSource({
        ENGINE_REST + ", input-lead, 2025-01-01, 2024-06-01, De einddatum (2024-06-01) moet na de datum van"
                + " ondertekening (2025-01-01) liggen.",
        WEBAPP + ",      input-lead, 2025-01-01, 2025-03-01, De looptijd moet minstens 6 maanden zijn; 2025-01-01 tot"
                + " 2025-03-01 is korter.",
        ENGINE_REST + ", nobody,     ,           ,           '''nobody'' is geen dealtrekker.'",
        WEBAPP + ",      nobody,     2025-01-01, 2028-01-01, '''nobody'' is geen dealtrekker.'",
        WEBAPP + ",      input-lead, 2025-01-01, ,           De einddatum ontbreekt."
    })
    void theStartFormChecksTheDealLeadAndThePlannedDatesAsTheDealApiDoes(
            String api, String dealLead, String plannedSigning, String plannedEnd, String expected) throws Exception {
        String name = "City Deal Startformulier " + System.nanoTime();
        StringBuilder variables = new StringBuilder("\"dealName\":{\"value\":\"" + name
                + "\"},\"dealLead\":{\"value\":\""
                + dealLead + "\"},\"theme\":{\"value\":\"wonen\"},\"leadOrganisation\":{\"value\":\"Gemeente\"},"
                + "\"ambition\":{\"value\":\"Ambitie\"}");
        if (plannedSigning != null) {
            variables.append(",\"plannedSigningDate\":{\"value\":\"" + plannedSigning + "\"}");
        }
        if (plannedEnd != null) {
            variables.append(",\"plannedEndDate\":{\"value\":\"" + plannedEnd + "\"}");
        }
        String definition = api.equals(WEBAPP)
                ? "/process-definition/" + latestDefinitionId() // Tasklist starts by id
                : "/process-definition/key/" + CityDealProcess.KEY;

        HttpResponse<String> response =
                post(api, OFFICE, definition + "/submit-form", "{\"variables\":{" + variables + "}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).isEqualTo(expected);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .variableValueEquals(DEAL_NAME, name)
                        .count())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ENGINE_REST, WEBAPP})
    void aStartFormWithAValidTermStartsTheDeal(String api) throws Exception {
        String name = "City Deal Geldig " + System.nanoTime();
        String body = "{\"variables\":{\"dealName\":{\"value\":\"" + name + "\"},\"dealLead\":{\"value\":\"" + LEAD
                + "\"},\"plannedSigningDate\":{\"value\":\"2025-01-01\"},\"plannedEndDate\":{\"value\":\"2028-01-01\"}}}";

        HttpResponse<String> response =
                post(api, OFFICE, "/process-definition/" + latestDefinitionId() + "/submit-form", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .variableValueEquals(DEAL_NAME, name)
                        .count())
                .isEqualTo(1);
    }

    // --- a deal at a given step, taken there by the application itself

    private String dealAt(String activityId) {
        users();
        String dealId = dealRegistry
                .register(
                        new NewDeal(
                                "City Deal Invoer",
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
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
        List<Map<String, Object>> steps = List.of(
                Map.of(
                        PARTICIPANT_NAME,
                        "Gemeente Zwolle",
                        PARTICIPANT_TYPE,
                        "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE,
                        "Pilotlocaties",
                        PARTICIPANT_ACCEPTED,
                        true,
                        MORE_PARTICIPANTS,
                        false),
                Map.of(
                        RESOURCES_COMMITTED,
                        true,
                        RESOURCES_DESCRIPTION,
                        "0,5 fte",
                        EXECUTION_FUNDING_VIEW,
                        "Rijksbijdrage"),
                Map.of(SETUP, "ONE_PART"),
                Map.of(REVIEW_DECISION, "APPROVE"));
        for (Map<String, Object> step : steps) {
            if (taskService
                            .createTaskQuery()
                            .processInstanceId(instance)
                            .taskDefinitionKey(activityId)
                            .count()
                    > 0) {
                break;
            }
            taskService.complete(
                    taskService
                            .createTaskQuery()
                            .processInstanceId(instance)
                            .singleResult()
                            .getId(),
                    step);
        }
        return instance;
    }

    private String openTask(String instance, String activityId) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(activityId)
                .singleResult()
                .getId();
    }

    private String latestDefinitionId() {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
    }

    private static String message(HttpResponse<String> response) throws Exception {
        JsonNode error = JSON.readTree(response.body());
        return error.path("message").asText();
    }

    // --- the two APIs, as their clients call them

    private HttpResponse<String> post(String api, String user, String path, String body) throws Exception {
        users();
        if (api.equals(WEBAPP)) {
            return tasklist(user, WEBAPP + path, body);
        }
        HttpRequest request = HttpRequest.newBuilder(uri(ENGINE_REST + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in to Tasklist as the user, as the browser does (session cookie, XSRF token), and posts as Tasklist. */
    private HttpResponse<String> tasklist(String user, String path, String body) throws Exception {
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
        HttpResponse<String> firstRead = browser.send(
                HttpRequest.newBuilder(uri(WEBAPP + "/task/count"))
                        .header("X-XSRF-TOKEN", "Fetch")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = firstRead.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .header("Referer", "http://localhost:" + port + "/camunda/app/tasklist/default/")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void users() {
        TestUsers.ensure(identityService, LEAD, PASSWORD, Role.DEAL_LEAD);
        TestUsers.ensure(identityService, OFFICE, PASSWORD, Role.PROGRAMME_OFFICE);
    }
}
