package nl.citydeal.engine.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong passwords lock a user for a while only (one second in the tests, application-test.yaml), never for good;
 * an administrator lifts a lock at once; and nobody but an administrator may test other users' passwords.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.generate-unique-process-engine-name=false", // the webapps serve "default"
            // the identity service's lock itself: every login checks the password (no minute of VerifiedCredentials)
            "citydeal.passwords.verified-for=PT0S"
        })
@ActiveProfiles("test")
class LoginLockTest {

    static final String PASSWORD = "Slot-Proef-2026!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        user("lock-lead", Role.DEAL_LEAD);
        user("lock-admin", Role.ADMINISTRATOR);
        identityService.unlockUser("lock-lead");
    }

    @Test
    void twelveWrongPasswordsOnlyDelayTheRightOne() throws Exception {
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(get("/api/deals", "lock-lead", "not-the-password").statusCode())
                    .isEqualTo(401);
            // wait for the lock to end, so the next wrong password counts as an attempt of its own
            await().atMost(Duration.ofSeconds(10)).until(() -> !locked("lock-lead"));
        }
        assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, "lock-lead"))
                .isEqualTo(12);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                get("/api/deals", "lock-lead", PASSWORD).statusCode())
                        .isEqualTo(200));
        assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, "lock-lead"))
                .isZero();
    }

    @Test
    void anAdministratorUnlocksAUserThatWasLockedEarlier() throws Exception {
        // locked for an hour, as Camunda's permanent lock after ten attempts left users before
        jdbc.update(
                "update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
                Timestamp.from(Instant.now().plus(Duration.ofHours(1))),
                "lock-lead");
        assertThat(get("/api/deals", "lock-lead", PASSWORD).statusCode()).isEqualTo(401);

        assertThat(post("/api/admin/users/lock-lead/unlock", "lock-admin", PASSWORD, "")
                        .statusCode())
                .isEqualTo(204);

        assertThat(get("/api/deals", "lock-lead", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorMayUnlockAndOnlyAUserThatExists() throws Exception {
        user("lock-other-lead", Role.DEAL_LEAD);
        assertThat(post("/api/admin/users/lock-lead/unlock", "lock-other-lead", PASSWORD, "")
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> unknown = post("/api/admin/users/nobody/unlock", "lock-admin", PASSWORD, "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("Gebruiker 'nobody' bestaat niet.");
    }

    @Test
    void onlyAnAdministratorMayVerifyOtherUsersPasswords() throws Exception {
        String guess = "{\"username\":\"lock-admin\",\"password\":\"" + PASSWORD + "\"}";

        assertThat(post("/engine-rest/identity/verify", "lock-lead", PASSWORD, guess)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/engine-rest/engine/default/identity/verify", "lock-lead", PASSWORD, guess)
                        .statusCode())
                .isEqualTo(403);
        // the Camunda webapps' own copy of the engine REST API: closed for everyone (the webapps never call it)
        assertThat(post("/camunda/api/engine/engine/default/identity/verify", null, null, guess)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> admin = post("/engine-rest/identity/verify", "lock-admin", PASSWORD, guess);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"authenticated\":true");
    }

    private boolean locked(String userId) {
        Timestamp until =
                jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", Timestamp.class, userId);
        return until != null && until.toInstant().isAfter(Instant.now());
    }

    private void user(String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(request(path, user, password).GET().build());
    }

    private HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
        return send(request(path, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
