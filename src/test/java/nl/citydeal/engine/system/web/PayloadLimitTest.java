package nl.citydeal.engine.system.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.deal.DealRepository;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.processengine.CityDealProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs read at most {@code citydeal.payload.max-size} (2 MB) of a body, also when it is sent chunked, without a
 * {@code Content-Length}: past it they answer 413 and store nothing. Through Spring MVC ({@code /api}) and the
 * engine REST API (a Jersey servlet of its own) on the real server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false") // the server of AccessControlTest
@ActiveProfiles("test")
class PayloadLimitTest {

    static final String ADMIN = "size-admin";
    static final String LEAD = "size-lead";
    static final String OFFICE = "size-office";
    static final String PASSWORD = "Omvang-Beheer-2026!";
    static final int THREE_MB = 3 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    DealRepository deals;

    ProcessInstance deal;

    @BeforeEach
    void setUp() {
        user(ADMIN, Role.ADMINISTRATOR);
        user(LEAD, Role.DEAL_LEAD);
        user(OFFICE, Role.PROGRAMME_OFFICE);
        deal = runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Variables.createVariables()
                        .putValue(CityDealProcess.Variable.DEAL_NAME, "City Deal Groot")
                        .putValue(CityDealProcess.Variable.THEME, "test")
                        .putValue(CityDealProcess.Variable.LEAD_ORGANISATION, "Gemeente")
                        .putValue(CityDealProcess.Variable.DEAL_LEAD, LEAD)
                        .putValue(CityDealProcess.Variable.AMBITION, "Groot"));
    }

    private void user(String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }

    @AfterEach
    void tearDown() {
        runtimeService.deleteProcessInstance(deal.getId(), "test cleanup", true, true);
    }

    @Test
    void chunkedCsvImportOverTheLimitIsRefusedAndImportsNothing() throws Exception {
        long before = deals.count();
        StringBuilder csv = new StringBuilder("name,theme,signed_on,ends_on,lead,date_precision,note\n");
        for (int i = 0; csv.length() < THREE_MB; i++) {
            csv.append("Deal ").append(i).append(",housing,2024-01-01,2027-01-01,Utrecht,exact,running\n");
        }

        HttpResponse<String> response =
                chunked("POST", "/api/deals/import?dealLead=" + ADMIN, "text/csv", csv.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("De inhoud is groter dan 2 MB; er is niets gewijzigd.");
        assertThat(deals.count()).isEqualTo(before);
    }

    @Test
    void chunkedVariableOverTheLimitIsRefusedByTheEngineRestApiAndNotStored() throws Exception {
        String value = "x".repeat(THREE_MB);

        HttpResponse<String> json = chunked(
                "PUT",
                "/engine-rest/process-instance/" + deal.getId() + "/variables/big",
                "application/json",
                "{\"value\":\"" + value + "\",\"type\":\"String\"}");
        String boundary = "----" + UUID.randomUUID();
        HttpResponse<String> file = chunked(
                "POST",
                "/engine-rest/process-instance/" + deal.getId() + "/variables/bigFile/data",
                "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"data\"; filename=\"big.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + value + "\r\n--" + boundary + "--\r\n");

        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(file.statusCode()).isEqualTo(413);
        assertThat(file.body()).contains("er is niets gewijzigd");
        assertThat(runtimeService.getVariables(deal.getId())).doesNotContainKeys("big", "bigFile");
    }

    @Test
    void chunkedBodiesUnderTheLimitReachTheEngineWhole() throws Exception {
        String text = "y".repeat(3_000); // a String variable holds up to 4000 characters
        String file = "z".repeat(1_500_000);
        String boundary = "----" + UUID.randomUUID();

        HttpResponse<String> json = chunked(
                "PUT",
                "/engine-rest/process-instance/" + deal.getId() + "/variables/medium",
                "application/json",
                "{\"value\":\"" + text + "\",\"type\":\"String\"}");
        HttpResponse<String> upload = chunked(
                "POST",
                "/engine-rest/process-instance/" + deal.getId() + "/variables/mediumFile/data",
                "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"data\"; filename=\"medium.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n");

        assertThat(json.statusCode()).as(json.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(deal.getId(), "medium")).isEqualTo(text);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(204);
        assertThat((byte[]) runtimeService.getVariable(deal.getId(), "mediumFile"))
                .hasSize(file.length());
    }

    @Test
    void aDocumentOverThePayloadLimitButWithinTheDocumentLimitIsTaken() throws Exception {
        HttpResponse<String> registered = send(OFFICE, "POST", "/api/deals", "application/json", """
                {"name":"City Deal Groot document","theme":"test","leadOrganisation":"Gemeente","dealLead":"%s"}""".formatted(LEAD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = com.jayway.jsonpath.JsonPath.read(registered.body(), "$.id");

        HttpResponse<String> taken = send(OFFICE, "POST", "/api/deals/" + id + "/documents", MULTIPART, pdf(THREE_MB));

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(taken.body(), "$.size"))
                .isGreaterThan(THREE_MB);
    }

    static final String BOUNDARY = "----grootdocument";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    /** A multipart body with a PDF of about {@code size} bytes and the kind COVENANT. */
    private static byte[] pdf(int size) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCOVENANT\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        return (head + "x".repeat(size) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the body with its Content-Length. */
    private HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the body as a stream: java.net.http sends it chunked, without a Content-Length. */
    private HttpResponse<String> chunked(String method, String path, String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
