package nl.citydeal.engine.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.deal.DealRepository;

import static nl.citydeal.engine.admin.AdminTestSupport.cityDealWithVersionTag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site makes the browser post with the credentials it holds (cached HTTP Basic, a session
 * cookie): such a post is refused on every chain before anything changes, while tools without browser headers
 * (curl, Camunda Modeler) keep working. The same server and engine as {@link AccessControlTest}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
class CrossSiteRequestTest {

    static final String ADMIN = "xs-admin";
    static final String REFUSED = "Dit verzoek komt van een andere website en is geweigerd";
    static final String CSV = "name,theme,signed_on,ends_on,lead,date_precision,note\n"
            + "Circulaire Stad,circular economy,2024-01-01,2027-01-01,Utrecht,exact,running\n";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    DealRepository deals;

    SecurityHttp http;
    Set<String> deploymentsBefore;

    @BeforeEach
    void setUp() {
        http = new SecurityHttp(port);
        SecurityHttp.user(identityService, ADMIN, Role.ADMINISTRATOR);
        deploymentsBefore = deploymentIds();
    }

    @AfterEach
    void removeWhatATestDeployed() {
        repositoryService.createDeploymentQuery().list().stream()
                .filter(d -> !deploymentsBefore.contains(d.getId()))
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true, true));
    }

    @ParameterizedTest(name = "{0} {1} with {2}: {3} is refused")
    @CsvSource({
        // method, path,                                                         content,   header,          value
        "POST, /api/admin/deployments,                                           models,    Sec-Fetch-Site,  cross-site",
        "POST, /api/admin/deployments,                                           models,    Sec-Fetch-Site,  same-site",
        "POST, /api/admin/deployments,                                           models,    Origin,          http://evil.example",
        "POST, /api/admin/deployments,                                           models,    Origin,          null",
        "POST, /api/deals/import,                                                csv,       Sec-Fetch-Site,  cross-site",
        "POST, /api/deals/import,                                                csv,       Origin,          http://evil.example",
        "POST, /engine-rest/deployment/create,                                   modeler,   Sec-Fetch-Site,  cross-site",
        "POST, /engine-rest/deployment/create,                                   modeler,   Origin,          http://evil.example",
        "POST, /engine-rest/process-definition/key/city-deal/start,              start,     Origin,          http://evil.example",
        "POST, /camunda/api/engine/engine/default/process-definition/key/city-deal/start, start, Sec-Fetch-Site, cross-site",
        "POST, /admin/deployments,                                               page,      Sec-Fetch-Site,  cross-site",
        "POST, /actuator/prometheus,                                             none,      Origin,          http://evil.example",
        "PUT,  /api/deals/some-deal/lead,                                        json,      Origin,          https://localhost"
    })
    void crossSiteStateChangingRequestIsRefusedAndChangesNothing(
            String method, String path, String content, String header, String value) throws Exception {
        long dealCount = deals.count();
        long instances = runtimeService.createProcessInstanceQuery().count();

        HttpResponse<String> response = SecurityHttp.send(withBody(http.request(path, ADMIN), method, content)
                .header(header, value)
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(REFUSED);
        assertThat(deploymentIds()).isEqualTo(deploymentsBefore);
        assertThat(deals.count()).isEqualTo(dealCount);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void toolsWithoutBrowserHeadersStillDeploy() throws Exception {
        HttpResponse<String> api =
                SecurityHttp.send(withBody(http.request("/api/admin/deployments", ADMIN), "POST", "models")
                        .build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);

        HttpResponse<String> modeler =
                SecurityHttp.send(withBody(http.request("/engine-rest/deployment/create", ADMIN), "POST", "modeler")
                        .build());
        assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(200);
        assertThat(deploymentIds()).hasSize(deploymentsBefore.size() + 2);
    }

    @Test
    void sameOriginBrowserRequestsPass() throws Exception {
        HttpResponse<String> sameOrigin =
                SecurityHttp.send(withBody(http.request("/api/admin/deployments", ADMIN), "POST", "models")
                        .header("Origin", http.origin())
                        .header("Sec-Fetch-Site", "same-origin")
                        .build());
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(201);

        HttpResponse<String> typedIn =
                SecurityHttp.send(withBody(http.request("/api/deals/import?dealLead=" + ADMIN, ADMIN), "POST", "csv")
                        .header("Sec-Fetch-Site", "none")
                        .build());
        assertThat(typedIn.statusCode()).as(typedIn.body()).isEqualTo(200);
    }

    @Test
    void safeMethodsFromAnotherSitePass() throws Exception {
        HttpResponse<String> response = SecurityHttp.send(http.request("/api/deals", ADMIN)
                .header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void browserGetsNoBasicChallengeSoItCachesNoCredentials() throws Exception {
        HttpResponse<String> browser = SecurityHttp.send(http.request("/api/deals", null)
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Sec-Fetch-Mode", "navigate")
                .GET()
                .build());
        HttpResponse<String> fetch = SecurityHttp.send(http.request("/engine-rest/task", null)
                .header("Sec-Fetch-Site", "same-origin")
                .GET()
                .build());
        HttpResponse<String> wrongPassword = SecurityHttp.send(http.request("/api/deals", null)
                .header("Authorization", "Basic eC1ub2JvZHk6bm9wZQ==")
                .header("Accept", "text/html")
                .GET()
                .build());

        for (HttpResponse<String> response : java.util.List.of(browser, fetch, wrongPassword)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
        assertThat(browser.body()).contains("Niet ingelogd");
    }

    @Test
    void toolStillGetsTheBasicChallenge() throws Exception {
        HttpResponse<String> curl = SecurityHttp.send(
                http.request("/api/deals", null).header("Accept", "*/*").GET().build());

        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String content) {
        SecurityHttp.Multipart multipart = switch (content) {
            case "models" -> SecurityHttp.Multipart.file("files", "city-deal.bpmn", cityDealWithVersionTag("7.7.7"));
            case "modeler" ->
                SecurityHttp.Multipart.file("city-deal.bpmn", "city-deal.bpmn", cityDealWithVersionTag("7.7.8"));
            case "page" -> SecurityHttp.Multipart.file("files", "city-deal.bpmn", cityDealWithVersionTag("7.7.9"));
            default -> null;
        };
        if (multipart != null) {
            return request.header("Content-Type", multipart.contentType())
                    .method(method, HttpRequest.BodyPublishers.ofString(multipart.body()));
        }
        return switch (content) {
            case "csv" ->
                request.header("Content-Type", "text/csv").method(method, HttpRequest.BodyPublishers.ofString(CSV));
            case "start" ->
                request.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"variables\":{\"dealName\":{\"value\":\"Van elders\"},\"dealLead\":{\"value\":\""
                                                + ADMIN + "\"}}}"));
            case "json" ->
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"dealLead\":\"" + ADMIN + "\"}"));
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        };
    }

    private Set<String> deploymentIds() {
        return repositoryService.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .collect(Collectors.toSet());
    }
}
