package nl.citydeal.engine.identity;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers' task queries and filters carry no expressions (code the engine evaluates): not in {@code orQueries}
 * (which the engine evaluates despite {@code enable-expressions-in-adhoc-queries: false}), not in the query that
 * extends a stored filter, and only administrators store filters with expressions. Tasklist's "any of" searches
 * (orQueries without expressions) keep working. The server of {@link AccessControlTest}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
class TaskQueryExpressionTest {

    static final String LEAD = "expr-lead";
    static final String OFFICE = "expr-office";
    static final String ADMIN = "expr-admin";
    static final String OR_EXPRESSION = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";
    static final String OR_PLAIN =
            "{\"orQueries\":[{\"assignee\":\"" + LEAD + "\",\"candidateGroup\":\"deal-leads\"}]}";
    static final String TOP_EXPRESSION = "{\"assigneeExpression\":\"${currentUser()}\"}";
    static final String REFUSED = "Expressies (zoals ${...}) zijn in deze zoekopdracht niet toegestaan";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    SecurityHttp http;
    String leadFilter;

    @BeforeEach
    void setUp() {
        http = new SecurityHttp(port);
        SecurityHttp.user(identityService, LEAD, Role.DEAL_LEAD);
        SecurityHttp.user(identityService, OFFICE, Role.PROGRAMME_OFFICE);
        SecurityHttp.user(identityService, ADMIN, Role.ADMINISTRATOR);
        leadFilter = filterService
                .createFilterQuery()
                .filterName("Mijn taken")
                .singleResult()
                .getId();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                // method | path                                  | user       | body (name)    | status
                "POST | /engine-rest/task                         | expr-lead  | orExpression   | 400",
                "POST | /engine-rest/task/count                   | expr-lead  | orExpression   | 400",
                "POST | /engine-rest/engine/default/task          | expr-lead  | orExpression   | 400",
                "POST | /engine-rest/task                         | expr-admin | orExpression   | 400",
                "POST | /engine-rest/filter/{lead}/list           | expr-lead  | orExpression   | 400",
                "POST | /engine-rest/filter/{lead}/count          | expr-lead  | orExpression   | 400",
                "POST | /engine-rest/engine/default/filter/{lead}/list | expr-lead | orExpression | 400",
                "POST | /engine-rest/filter/{lead}/list           | expr-lead  | topExpression  | 400",
                "POST | /engine-rest/filter/{lead}/count          | expr-lead  | topExpression  | 400",
                "POST | /engine-rest/task                         | expr-lead  | orPlain        | 200",
                "POST | /engine-rest/task/count                   | expr-lead  | orPlain        | 200",
                "POST | /engine-rest/filter/{lead}/list           | expr-lead  | orPlain        | 200",
                "POST | /engine-rest/filter/{lead}/count          | expr-lead  | orPlain        | 200"
            })
    void expressionsInCallersTaskQueriesAreRefused(String method, String path, String user, String body, int status)
            throws Exception {
        HttpResponse<String> response = SecurityHttp.send(http.request(
                        path.replace("{lead}", leadFilter)
                                + (path.endsWith("/list") || path.endsWith("/task") ? "?maxResults=50" : ""),
                        user)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body(body)))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.body()).contains(REFUSED);
        }
    }

    @Test
    void expressionInTaskQueryParametersIsRefusedToNonAdministrators() throws Exception {
        String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);

        HttpResponse<String> response =
                SecurityHttp.send(http.request("/engine-rest/task?maxResults=10&assigneeExpression=" + expression, LEAD)
                        .GET()
                        .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(REFUSED);
    }

    @Test
    void expressionInOrQueriesIsRefusedInTheWebappsApiToo() throws Exception {
        SecurityHttp.WebappBrowser tasklist = http.webappLogin(LEAD, "tasklist");

        HttpResponse<String> withExpression =
                tasklist.send("POST", "/camunda/api/engine/engine/default/task?maxResults=10", OR_EXPRESSION);
        HttpResponse<String> anyOf = tasklist.send(
                "POST", "/camunda/api/engine/engine/default/filter/" + leadFilter + "/list?maxResults=10", OR_PLAIN);

        assertThat(withExpression.statusCode()).isEqualTo(400);
        assertThat(withExpression.body()).contains(REFUSED);
        assertThat(anyOf.statusCode()).as(anyOf.body()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsStoreFiltersWithExpressions() throws Exception {
        long filters = filterService.createFilterQuery().count();

        HttpResponse<String> byOffice = createFilter(OFFICE, "Filter van kantoor", TOP_EXPRESSION);
        assertThat(byOffice.statusCode()).isEqualTo(403);
        assertThat(byOffice.body()).contains("Alleen beheerders mogen een filter met expressies opslaan");
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);

        HttpResponse<String> orByAdmin = createFilter(ADMIN, "Of-filter van beheer", OR_EXPRESSION);
        assertThat(orByAdmin.statusCode()).isEqualTo(400);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);

        HttpResponse<String> byAdmin = createFilter(ADMIN, "Filter van beheer", TOP_EXPRESSION);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        String id = filterService
                .createFilterQuery()
                .filterName("Filter van beheer")
                .singleResult()
                .getId();
        try {
            HttpResponse<String> orUpdate = SecurityHttp.send(http.request("/engine-rest/filter/" + id, ADMIN)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(filter("Filter van beheer", OR_EXPRESSION)))
                    .build());
            assertThat(orUpdate.statusCode()).isEqualTo(400);
            assertThat(orUpdate.body()).contains(REFUSED);
        } finally {
            filterService.deleteFilter(id);
        }
    }

    private HttpResponse<String> createFilter(String user, String name, String query) throws Exception {
        return SecurityHttp.send(http.request("/engine-rest/filter/create", user)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(filter(name, query)))
                .build());
    }

    private static String filter(String name, String query) {
        return "{\"resourceType\":\"Task\",\"name\":\"" + name + "\",\"query\":" + query + ",\"properties\":{}}";
    }

    private static String body(String name) {
        return switch (name) {
            case "orExpression" -> OR_EXPRESSION;
            case "orPlain" -> OR_PLAIN;
            case "topExpression" -> TOP_EXPRESSION;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
