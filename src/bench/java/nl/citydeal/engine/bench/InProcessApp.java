package nl.citydeal.engine.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.citydeal.engine.CityDealEngineApplication;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.postgres.AppNode;

/**
 * The application, started in the benchmark's JVM (so its services can be called directly) on a port of its own,
 * as a node of production would run it: no demo data, the job executor on or off, the scheduled mail jobs off.
 */
final class InProcessApp implements AutoCloseable {

    static final String ADMIN = AppNode.ADMIN;
    /** The same administrator as the nodes of {@link AppNode}, which the benchmark starts on its PostgreSQL databases. */
    static final String ADMIN_PASSWORD = AppNode.ADMIN_PASSWORD;

    static final String DEAL_LEAD = "lea";
    static final String OFFICE = "paula";
    static final String PASSWORD = "Bench-Secret-2026!";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final ConfigurableApplicationContext context;
    final Duration startup;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private InProcessApp(ConfigurableApplicationContext context, Duration startup) {
        this.context = context;
        this.startup = startup;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static InProcessApp start(BenchDatabase database, String jdbcUrl, boolean jobExecutor) {
        System.setProperty(CityDealEngineApplication.LIQUIBASE_ANALYTICS, "false");
        List<String> arguments = new ArrayList<>(database.appArguments(jdbcUrl));
        arguments.addAll(List.of(
                "--server.port=0",
                "--citydeal.admin.user=" + ADMIN,
                "--citydeal.admin.password=" + ADMIN_PASSWORD,
                "--citydeal.scheduling.enabled=false",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                // an idle job executor looks for due jobs every half second (production backs off to a minute)
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        long start = System.nanoTime();
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(CityDealEngineApplication.class).run(arguments.toArray(String[]::new));
        InProcessApp app = new InProcessApp(context, Duration.ofNanos(System.nanoTime() - start));
        app.users();
        return app;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The deal lead and the programme office member the benchmark works as (created once per database). */
    private void users() {
        IdentityService identity = bean(IdentityService.class);
        createUser(identity, DEAL_LEAD, Role.DEAL_LEAD);
        createUser(identity, OFFICE, Role.PROGRAMME_OFFICE);
    }

    private static void createUser(IdentityService identity, String id, Role role) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Benchmark");
            user.setEmail(id + "@citydeal.example");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, role.groupId());
        }
    }

    /** A request of the programme office through the API (HTTP Basic); fails unless the answer is {@code expected}. */
    HttpResponse<String> api(String method, String path, String contentType, String accept, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((OFFICE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return expect(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), expected, method + " " + path);
    }

    /** Logs the programme office member in through the login form, as a browser does. */
    void logIn() throws IOException, InterruptedException {
        HttpResponse<String> form = page("/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String body = "username=" + OFFICE + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login failed: " + login.statusCode() + " " + location);
        }
    }

    /** A page in the logged-in browser session; fails unless it answers 200. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return expect(page, 200, "GET " + path);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("%s answered %d: %s"
                    .formatted(
                            what,
                            response.statusCode(),
                            response.body()
                                    .substring(0, Math.min(500, response.body().length()))));
        }
        return response;
    }

    @Override
    public void close() {
        context.close();
    }
}
