package nl.citydeal.engine.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * Passwords are hashed with PBKDF2; hashes of Camunda's former salted single-round SHA-512 still log in and are
 * replaced at that login; and the engine refuses passwords below its password policy.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false") // the engine REST API serves "default"
@ActiveProfiles("test")
class PasswordHashTest {

    static final String PASSWORD = "Hash-Proef-2026!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        user("hash-lead", Role.DEAL_LEAD);
        user("hash-admin", Role.ADMINISTRATOR);
    }

    @Test
    void aNewPasswordIsStoredAsPbkdf2NotSha512() {
        assertThat(storedHash("hash-lead")).startsWith("{PBKDF2}").doesNotContain("SHA");
        assertThat(identityService.checkPassword("hash-lead", PASSWORD)).isTrue();
        assertThat(identityService.checkPassword("hash-lead", PASSWORD + "x")).isFalse();
    }

    @Test
    void anOldSha512HashStillLogsInAndIsRehashedAtThatLogin() throws Exception {
        user("hash-old", Role.DEAL_LEAD);
        String salt = "c2FsdC1vZi1hbi1vbGQtdXNlcg==";
        jdbc.update(
                "update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?", sha512(salt, PASSWORD), salt, "hash-old");
        // a wrong password first: the login below then also ends the lock, in the same engine command as the rehash
        assertThat(get("/api/deals", "hash-old", "not-the-password").statusCode())
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> !locked("hash-old"));
        assertThat(storedHash("hash-old")).startsWith("{SHA-512}");

        assertThat(get("/api/deals", "hash-old", PASSWORD).statusCode()).isEqualTo(200);

        assertThat(storedHash("hash-old")).startsWith("{PBKDF2}");
        assertThat(jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, "hash-old"))
                .isNotEqualTo(salt);
        assertThat(get("/api/deals", "hash-old", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/deals", "hash-old", "not-the-password").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPasswordBelowThePolicyIsRefused() throws Exception {
        String hashBefore = storedHash("hash-lead");
        HttpResponse<String> change = send(request("/engine-rest/user/hash-lead/credentials", "hash-admin")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"a\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}"))
                .build());
        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(change.body())
                .contains(
                        "Het wachtwoord voldoet niet aan het wachtwoordbeleid: minstens 10 tekens",
                        "minstens 1 hoofdletter(s)",
                        "minstens 1 cijfer(s)");
        assertThat(storedHash("hash-lead")).isEqualTo(hashBefore);

        HttpResponse<String> create = send(request("/engine-rest/user/create", "hash-admin")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"bram2\",\"firstName\":\"Bram\"},\"credentials\":{\"password\":\"a\"}}"))
                .build());
        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(create.body()).contains("Het wachtwoord voldoet niet aan het wachtwoordbeleid");
        assertThat(identityService.createUserQuery().userId("bram2").count()).isZero();

        HttpResponse<String> ownName = send(request("/engine-rest/user/create", "hash-admin")
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"profile\":{\"id\":\"bram2\",\"firstName\":\"Bram\"},\"credentials\":{\"password\":\"Bram-Wachtwoord-2026!\"}}"))
                .build());
        assertThat(ownName.statusCode()).isEqualTo(400);
        assertThat(ownName.body()).contains("niet de gebruikersnaam, voornaam, achternaam of het e-mailadres bevatten");
        assertThat(identityService.createUserQuery().userId("bram2").count()).isZero();
    }

    private String storedHash(String userId) {
        return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    }

    private boolean locked(String userId) {
        Timestamp until =
                jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", Timestamp.class, userId);
        return until != null && until.toInstant().isAfter(Instant.now());
    }

    /** The hash Camunda 7.7 to 7.24 store by default: {SHA-512} and Base64 of SHA-512 over the password followed by the salt. */
    private static String sha512(String salt, String password) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-512").digest((password + salt).getBytes(StandardCharsets.UTF_8));
        return "{SHA-512}" + Base64.getEncoder().encodeToString(hash);
    }

    private void user(String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user, password))
                .GET()
                .build());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user, PASSWORD))
                .header("Content-Type", "application/json");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
