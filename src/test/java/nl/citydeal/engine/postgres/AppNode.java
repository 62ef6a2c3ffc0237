package nl.citydeal.engine.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import nl.citydeal.engine.CityDealEngineApplication;

import static org.awaitility.Awaitility.await;

/**
 * One node of City Deal Engine in a JVM of its own, started as production starts it: profile {@code postgres},
 * the database and the first administrator from the environment, the job executor on; or on the default H2 file
 * database ({@link Database#h2File}). Its output goes to {@code target/nodes/<database>-<name>.log}. Several nodes on
 * one PostgreSQL database form a cluster; {@link #kill()} is a crash.
 */
public final class AppNode implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Cluster-Beheer-2026!";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern LOGGED_ERROR = Pattern.compile("^\\S+\\s+ERROR\\s+\\d+");
    /** Small and quick to start: the tests run several nodes on two cores. */
    public static final List<String> SMALL_JVM = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long logStart;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppNode(String name, int port, Process process, Path log, long logStart) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Where a node keeps its data: a PostgreSQL database, or the default H2 database in a file. Its name is that of
     * the node's log ({@code target/nodes/<name>-<node>.log}); {@code jdbcUrl} is where the test finds the data.
     */
    public record Database(String name, String jdbcUrl, boolean postgres, Path workingDirectory) {

        /** A PostgreSQL database, as production gives it: profile {@code postgres}, CITYDEAL_DB_* from the environment. */
        public static Database postgres(String jdbcUrl) {
            return new Database(jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1), jdbcUrl, true, Path.of(""));
        }

        /**
         * The default database, H2 in a file, exactly as the packaged jar starts without a profile or settings: the
         * node runs in {@code folder}, so application.yaml's URL puts the file in {@code folder/data}.
         */
        public static Database h2File(Path folder) {
            return new Database(
                    "h2-" + folder.getFileName(),
                    "jdbc:h2:file:" + folder.toAbsolutePath().resolve("data").resolve("city-deal-engine"),
                    false,
                    folder.toAbsolutePath());
        }

        private List<String> arguments(String node) {
            return postgres
                    ? List.of(
                            "--spring.profiles.active=postgres",
                            // the node's sessions in pg_stat_activity
                            "--spring.datasource.hikari.data-source-properties.ApplicationName=" + node)
                    : List.of();
        }

        private Map<String, String> environment() {
            return postgres
                    ? Map.of(
                            "CITYDEAL_DB_URL", jdbcUrl,
                            "CITYDEAL_DB_USER", TestPostgres.APP_USER,
                            "CITYDEAL_DB_PASSWORD", TestPostgres.APP_PASSWORD)
                    : Map.of();
        }
    }

    /**
     * Starts a node on the PostgreSQL database and waits until it is ready. The node's engine writes {@code name} as
     * its host name into the job log (ACT_HI_JOB_LOG.HOSTNAME_), so the tests see which node ran which job, and on
     * PostgreSQL its connections carry it as application name (pg_stat_activity).
     * {@code settings} are extra {@code --key=value} arguments.
     */
    public static AppNode start(String name, String jdbcUrl, Map<String, String> settings) throws IOException {
        return start(name, Database.postgres(jdbcUrl), settings);
    }

    /** A node on the PostgreSQL database with the given JVM options (the benchmark runs its nodes as production would). */
    public static AppNode start(String name, String jdbcUrl, Map<String, String> settings, List<String> jvmOptions)
            throws IOException {
        return start(name, Database.postgres(jdbcUrl), settings, jvmOptions, System.getProperty("java.class.path"));
    }

    /** A node of this build on {@code database}. */
    public static AppNode start(String name, Database database, Map<String, String> settings) throws IOException {
        return start(name, database, settings, SMALL_JVM, System.getProperty("java.class.path"));
    }

    /**
     * A node on {@code database} that runs the build on {@code classpath} (another build: {@link RollingUpgradeIT}),
     * with the given JVM options.
     */
    public static AppNode start(
            String name, Database database, Map<String, String> settings, List<String> jvmOptions, String classpath)
            throws IOException {
        AppNode node = launch(name, database, settings, jvmOptions, classpath);
        node.awaitReady();
        return node;
    }

    private static AppNode launch(
            String name, Database database, Map<String, String> settings, List<String> jvmOptions, String classpath)
            throws IOException {
        Files.createDirectories(database.workingDirectory().toAbsolutePath());
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, CityDealEngineApplication.class.getName()));
        command.addAll(database.arguments(name));
        command.add("--server.port=" + port);
        command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path logs = Files.createDirectories(Path.of("target", "nodes").toAbsolutePath());
        Path log = logs.resolve(database.name() + "-" + name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder java = new ProcessBuilder(command)
                .directory(database.workingDirectory().toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        java.environment().putAll(database.environment());
        java.environment().put("CITYDEAL_ADMIN_USER", ADMIN);
        java.environment().put("CITYDEAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new AppNode(name, port, java.start(), log, logStart);
    }

    /**
     * Starts a node of this build on the PostgreSQL database that must refuse to start there: waits until its JVM ends
     * by itself, and answers its log. Fails if the node becomes ready instead.
     */
    public static String startRefused(String name, String jdbcUrl, Map<String, String> settings)
            throws IOException, InterruptedException {
        AppNode node =
                launch(name, Database.postgres(jdbcUrl), settings, SMALL_JVM, System.getProperty("java.class.path"));
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!node.process.isAlive()) {
                    return true;
                }
                if (node.answersReady()) {
                    throw new IllegalStateException("Node " + name + " started, it should have refused to");
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            node.kill();
            throw new IllegalStateException("Node " + name + " neither started nor stopped within " + START_TIMEOUT);
        }
        return Files.readString(node.log);
    }

    public String name() {
        return name;
    }

    /** Waits until {@code /actuator/health/readiness} answers UP: engine, job executor and database. */
    private void awaitReady() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(this::ready);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "Node " + name + " was not ready within " + START_TIMEOUT + ":\n" + logTail());
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Node " + name + " stopped while starting:\n" + logTail());
        }
        return answersReady();
    }

    private boolean answersReady() {
        try {
            HttpResponse<String> health = get("/actuator/health/readiness", false);
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public HttpResponse<String> get(String path, boolean asAdmin) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (asAdmin) {
            request.header("Authorization", basic());
        }
        return send(request.build());
    }

    /** POST as the administrator (HTTP Basic). */
    public HttpResponse<String> post(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", basic())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** PUT as the administrator (HTTP Basic), with a body. */
    public HttpResponse<String> put(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", basic())
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** PUT as the administrator (HTTP Basic), no body. */
    public HttpResponse<String> put(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic())
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** The value of a Prometheus counter or gauge on this node ({@code /actuator/prometheus}, as the administrator). */
    public double metric(String name) throws IOException {
        HttpResponse<String> scrape = get("/actuator/prometheus", true);
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + scrape.statusCode());
        }
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$")
                .matcher(scrape.body());
        if (!value.find()) {
            throw new IllegalStateException(name + " is not among the metrics of node " + this.name);
        }
        return Double.parseDouble(value.group(1));
    }

    /** A crash: SIGKILL, no shutdown of any kind. Answers the exit code (137 on Linux). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Node " + name + " survived SIGKILL");
        }
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM): Spring Boot finishes running requests and stops the job executor. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The lines this node logged at level ERROR (Spring Boot's format: time, level, process id). */
    public List<String> loggedErrors() throws IOException {
        byte[] written = Files.readAllBytes(log);
        String own = new String(written, (int) logStart, written.length - (int) logStart, StandardCharsets.UTF_8);
        return own.lines().filter(line -> LOGGED_ERROR.matcher(line).find()).toList();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
