package nl.citydeal.engine.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore of the default H2 file database as docs/operations.md ("Backup and restore") tells operators:
 * the app stopped, H2's own {@code org.h2.tools.Script} writes the database as SQL, {@code org.h2.tools.RunScript}
 * reads it into a fresh file database, and the app started on that one finds every deal, open task and pending timer.
 * Both tools run as the documented commands do: {@code java -cp h2-<version>.jar ...}, in a JVM of their own, with
 * the H2 jar the app runs with. (In the package of the node tests for {@link AppNode} and {@link Cluster}.)
 */
class H2BackupRestoreIT {

    static final int DEALS = 5;
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Test
    void aScriptBackupOfTheStoppedH2DatabaseRestoresIntoAFreshOneWithEveryDealTaskAndTimer(@TempDir Path dir)
            throws Exception {
        // each node runs in a folder of its own with the default URL, so its file is <folder>/data/city-deal-engine
        AppNode.Database original = AppNode.Database.h2File(dir.resolve("original"));
        AppNode.Database restored = AppNode.Database.h2File(dir.resolve("restored"));
        Path backup = dir.resolve("city-deal-engine-backup.sql");

        Set<String> deals;
        Set<String> tasks;
        Set<String> timers;
        try (AppNode node = AppNode.start("h2-original", original, Cluster.nodeSettings())) {
            Cluster.createDealLead(node);
            Cluster.importRunningDeals(node, "H2", DEALS);
            // the prompts due by now fire and leave their tasks open; the later ones wait as timers
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(
                                            node,
                                            "/engine-rest/job/count?timers=true&dueDates=lt_"
                                                    + OffsetDateTime.now()
                                                            .format(CAMUNDA_DATE)
                                                            .replace("+", "%2B"))
                                    == 0
                            && count(node, "/engine-rest/task/count") >= DEALS * Cluster.DUE_KINDS.size());
            deals = BackupRestoreIT.deals(node);
            tasks = BackupRestoreIT.openTasks(node);
            timers = BackupRestoreIT.pendingTimers(node);
        }
        assertThat(deals).hasSize(DEALS);
        assertThat(tasks).as("open tasks").hasSizeGreaterThanOrEqualTo(DEALS * Cluster.DUE_KINDS.size());
        assertThat(timers).as("pending timers").hasSizeGreaterThanOrEqualTo(DEALS);

        h2Tool("org.h2.tools.Script", "-url", original.jdbcUrl(), "-user", "sa", "-script", backup.toString());
        assertThat(backup).isNotEmptyFile();
        h2Tool("org.h2.tools.RunScript", "-url", restored.jdbcUrl(), "-user", "sa", "-script", backup.toString());

        try (AppNode node = AppNode.start("h2-restored", restored, Cluster.nodeSettings())) {
            assertThat(BackupRestoreIT.deals(node))
                    .as("deals after the restore")
                    .isEqualTo(deals);
            assertThat(BackupRestoreIT.openTasks(node))
                    .as("open tasks after the restore")
                    .isEqualTo(tasks);
            assertThat(BackupRestoreIT.pendingTimers(node))
                    .as("pending timers after the restore")
                    .isEqualTo(timers);
        }
    }

    private static long count(AppNode node, String path) throws IOException {
        return BackupRestoreIT.json(node.get(path, true)).get("count").asLong();
    }

    /** {@code java -cp h2-<version>.jar <tool> <arguments>}, with the H2 jar on this JVM's class path. */
    private static void h2Tool(String tool, String... arguments) throws IOException, InterruptedException {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().matches("h2-[0-9.]+\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No H2 jar on the class path"));
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jar, tool));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(tool + " ended").isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }
}
