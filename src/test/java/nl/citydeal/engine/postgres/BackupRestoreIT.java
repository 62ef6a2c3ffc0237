package nl.citydeal.engine.postgres;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore as docs/operations.md ("Backup and restore") tells operators: {@code pg_dump -Fc} of a database
 * with running deals while its node runs, {@code pg_restore --no-owner} into a fresh database, a node on that one.
 * The restored node finds every deal, every open task and every pending timer, and a timer made due there fires
 * exactly once. A restored backup that a newer build has migrated (the app's tables, Flyway; or the engine's, Camunda's
 * schema log) is refused, with a message that says so, and left as it was.
 * PostgreSQL and its client tools are Debian's ({@link TestPostgres#withClientTools()}).
 */
class BackupRestoreIT {

    static final int DEALS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Test
    void aRestoredDumpHasEveryDealTaskAndTimerAndTheTimerFiresOnceOnTheRestoredDatabase(@TempDir Path backups)
            throws Exception {
        TestPostgres postgres = TestPostgres.withClientTools();
        String original = postgres.createDatabase("backup");
        Path dump = backups.resolve("citydeal.dump");
        Map<String, String> settings = Cluster.nodeSettings();

        Set<String> deals;
        Set<String> tasks;
        Set<String> timers;
        try (AppNode a = AppNode.start("node-a", original, settings);
                Connection db = postgres.connect(original)) {
            Cluster.createDealLead(a);
            // signed 20 months ago: the prompts due by now fire on node A and leave their tasks open; the later ones
            // (the scaling plan, the escalation, the next answerability review) wait as timers
            Cluster.importRunningDeals(a, "Backup", DEALS);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Cluster.firedPrompts(db) == (long) DEALS * Cluster.DUE_KINDS.size()
                            && Cluster.dueTimers(db) == 0);
            deals = deals(a);
            tasks = openTasks(a);
            timers = pendingTimers(a);
            assertThat(deals).hasSize(DEALS);
            assertThat(tasks).as("open tasks").hasSizeGreaterThanOrEqualTo(DEALS * Cluster.DUE_KINDS.size());
            assertThat(timers).as("pending timers").hasSizeGreaterThanOrEqualTo(DEALS);

            // a hot backup: the node keeps running
            postgres.dump(original, dump);
        }
        assertThat(dump).isNotEmptyFile();

        String restored = postgres.restore(dump, "restored");
        try (AppNode b = AppNode.start("node-b", restored, settings);
                Connection db = postgres.connect(restored)) {
            assertThat(deals(b)).as("deals after the restore").isEqualTo(deals);
            assertThat(openTasks(b)).as("open tasks after the restore").isEqualTo(tasks);
            assertThat(pendingTimers(b)).as("pending timers after the restore").isEqualTo(timers);
            assertThat(count(
                            db,
                            "select count(*) from prompt where kind = ? and fired_at is not null",
                            PromptKind.SCALING_PLAN_DUE.name()))
                    .as("scaling plan prompts fired before")
                    .isZero();

            // the scaling plan's timer of one deal, due now
            JsonNode timer = json(b.get(
                            "/engine-rest/job?timers=true&maxResults=1&activityId="
                                    + CityDealProcess.Activity.SCALING_PLAN_DUE,
                            true))
                    .get(0);
            String job = timer.get("id").asText();
            String businessKey = json(b.get(
                            "/engine-rest/process-instance/"
                                    + timer.get("processInstanceId").asText(),
                            true))
                    .get("businessKey")
                    .asText();
            HttpResponse<String> due = b.put(
                    "/engine-rest/job/" + job + "/duedate",
                    "application/json",
                    "{\"duedate\":\"%s\"}"
                            .formatted(OffsetDateTime.now().minusMinutes(1).format(CAMUNDA_DATE)));
            assertThat(due.statusCode()).as(due.body()).isEqualTo(204);

            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count(db, "select count(*) from act_ru_job where id_ = ?", job) == 0);
            assertThat(Cluster.rows(
                            db,
                            "select d.reference from prompt p join deal d on d.id = p.deal_id "
                                    + "where p.kind = ? and p.fired_at is not null",
                            PromptKind.SCALING_PLAN_DUE.name()))
                    .as("deals whose scaling plan prompt fired")
                    .containsExactly(List.of(businessKey));
            assertThat(count(db, "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2", job))
                    .as("successful runs of the timer")
                    .isEqualTo(1);
            assertThat(count(db, "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 1", job))
                    .as("failed runs of the timer")
                    .isZero();
            assertThat(count(
                            db,
                            "select count(*) from notification where prompt_kind = ?",
                            PromptKind.SCALING_PLAN_DUE.name()))
                    .as("mails of the scaling plan prompt")
                    .isEqualTo(1);
            Set<String> left = pendingTimers(b);
            assertThat(timers.stream().filter(t -> !t.startsWith(job + " ")).collect(Collectors.toSet()))
                    .as("the other timers still wait")
                    .isSubsetOf(left);
        }

        // a backup that a newer build migrated (here: its history gets a V130 this build does not know)
        String newer = postgres.restore(dump, "newer");
        try (Connection db = postgres.connect(newer);
                Statement statement = db.createStatement()) {
            statement.execute("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    select max(installed_rank) + 1, '130', 'from a newer build', 'SQL', 'V130__from_a_newer_build.sql',
                        1, 'citydeal', 1, true from flyway_schema_history""");
        }
        String log = AppNode.startRefused("node-c", newer, settings);
        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .containsPattern(
                        "The database is of a newer version \\(app schema V130\\) than this build \\(V\\d+\\): "
                                + "restore a backup of this version or deploy the newer build");
        try (Connection db = postgres.connect(newer)) {
            assertThat(count(db, "select count(*) from flyway_schema_history where version = '130'"))
                    .isEqualTo(1);
        }

        // a backup whose engine tables a newer Camunda upgraded (its schema log says 7.99.0)
        String newerEngine = postgres.restore(dump, "newer_engine");
        try (Connection db = postgres.connect(newerEngine);
                Statement statement = db.createStatement()) {
            statement.execute(
                    "insert into act_ge_schema_log (id_, timestamp_, version_) values ('9999', now(), '7.99.0')");
        }
        String engineLog = AppNode.startRefused("node-d", newerEngine, settings);
        assertThat(engineLog)
                .contains("APPLICATION FAILED TO START")
                .containsPattern("The database is of a newer version \\(process engine schema 7\\.99\\.0\\) than this "
                        + "build \\(7\\.24\\.\\d+\\): restore a backup of this version or deploy the newer build");
        try (Connection db = postgres.connect(newerEngine)) {
            assertThat(Cluster.rows(db, "select id from deal")).as("deals").hasSize(DEALS);
            assertThat(Cluster.firedPrompts(db)).as("prompts fired").isEqualTo((long) DEALS * Cluster.DUE_KINDS.size());
        }
    }

    /** Every deal of the registry (GET /api/deals): id and name. */
    static Set<String> deals(AppNode node) throws IOException {
        JsonNode page = json(node.get("/api/deals?size=200", true));
        JsonNode content = page.isArray() ? page : page.get("content");
        Set<String> deals = new TreeSet<>();
        content.forEach(deal ->
                deals.add(deal.get("id").asText() + " " + deal.get("name").asText()));
        return deals;
    }

    /** Every open task (engine REST): id, name, assignee, process instance, due date. */
    static Set<String> openTasks(AppNode node) throws IOException {
        Set<String> tasks = new TreeSet<>();
        json(node.get("/engine-rest/task?maxResults=2000", true))
                .forEach(task -> tasks.add(String.join(
                        " ",
                        task.get("id").asText(),
                        task.get("name").asText(),
                        task.get("assignee").asText(),
                        task.get("processInstanceId").asText(),
                        task.get("due").asText())));
        return tasks;
    }

    /** Every timer job (engine REST): id, due date, process instance, retries. */
    static Set<String> pendingTimers(AppNode node) throws IOException {
        Set<String> timers = new TreeSet<>();
        json(node.get("/engine-rest/job?timers=true&maxResults=2000", true))
                .forEach(job -> timers.add(String.join(
                        " ",
                        job.get("id").asText(),
                        job.get("dueDate").asText(),
                        job.get("processInstanceId").asText(),
                        job.get("retries").asText())));
        return timers;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long count(Connection db, String sql, Object... parameters) throws java.sql.SQLException {
        return Cluster.count(db, sql, parameters);
    }
}
