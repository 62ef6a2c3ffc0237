package nl.citydeal.engine.postgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import nl.citydeal.engine.CityDealEngineApplication;
import nl.citydeal.engine.processengine.CityDealProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling upgrade on one PostgreSQL database (docs/operations.md, "Rolling upgrade"). The old node runs this build;
 * the new node runs the next one: this build's classes with an additional, additive Flyway migration (V900: a new
 * nullable column and a new table) and a new version of the city-deal process (a user task renamed). The new node
 * migrates the schema and deploys the new version while the old node goes on working; the old node is never started
 * again after that (a node refuses a database with a migration newer than its build). During the overlap both nodes
 * register deals and fire prompts: every due prompt fires once and every mail goes out once; the old node's
 * requests keep working, also on deals of the new process version, and the new node works deals of the old version.
 * Then the old node stops and the new one carries on alone. Neither logs an error.
 */
class RollingUpgradeIT {

    static final int DEALS = 40;
    static final String OWNERSHIP_TASK = "UserTask_HoldOwnershipConversation";
    static final String OLD_NAME = "Eigenaarschapsgesprek voeren";
    static final String NEW_NAME = "Gesprek over eigenaarschap voeren";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path newBuildFolder;

    @Test
    void theOldNodeKeepsWorkingBesideTheUpgradedNodeAndEveryPromptFiresOnce() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        AppNode.Database database = AppNode.Database.postgres(postgres.createDatabase("rolling"));
        String newBuild = newBuild(newBuildFolder);
        GreenMail smtp = Cluster.startMailServer();
        Map<String, String> settings = Cluster.withMail(Cluster.nodeSettings(), smtp);
        try (Connection db = postgres.connect(database.jdbcUrl());
                AppNode old = AppNode.start("old", database, settings)) {
            Cluster.createDealLead(old);
            Cluster.importRunningDeals(old, "Voor", DEALS);
            awaitEveryPromptFired(db, DEALS);
            assertThat(processVersions(db)).containsExactly(1);

            try (AppNode upgraded = AppNode.start("new", database, settings, AppNode.SMALL_JVM, newBuild)) {
                // the new build migrated the schema and deployed its process version; the old node goes on
                assertThat(Cluster.count(
                                db, "select count(*) from flyway_schema_history where version = '900' and success"))
                        .as("V900 applied")
                        .isEqualTo(1);
                assertThat(Cluster.count(
                                db,
                                "select count(*) from information_schema.columns "
                                        + "where table_name = 'deal' and column_name = 'upgrade_probe'"))
                        .isEqualTo(1);
                assertThat(processVersions(db)).containsExactly(1, 2);

                // both nodes register deals at once, and both fire the prompts that fall due
                CompletableFuture.allOf(
                                CompletableFuture.runAsync(
                                        () -> Cluster.importRunningDealsInBackground(old, "Tijdens", DEALS)),
                                CompletableFuture.runAsync(
                                        () -> Cluster.importRunningDealsInBackground(upgraded, "Nieuw", DEALS)))
                        .join();
                String registeredOnOld = Cluster.registerRunningDeal(old, "Oud na de migratie");
                int deals = 3 * DEALS + 1;
                awaitEveryPromptFired(db, deals);
                Cluster.assertEveryDuePromptFiredExactlyOnce(db, deals);
                Map<String, Long> perNode = Cluster.timersRunPerNode(db);
                System.out.printf("Timers run per node: %s%n", perNode);
                assertThat(perNode.keySet()).containsAnyOf("old", "new").isSubsetOf("old", "new");
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> Cluster.pendingMails(db) == 0);
                Cluster.assertEveryMailSent(db, smtp, deals, 0);

                // deals registered before the upgrade stay on the old version, every later one (whichever node
                // registered it) starts on the latest
                assertThat(versionsOfDeals(db, "City Deal Voor %")).containsOnlyKeys(1);
                assertThat(versionsOfDeals(db, "City Deal Tijdens %")).containsOnlyKeys(2);
                assertThat(versionsOfDeals(db, "City Deal Nieuw %")).containsOnlyKeys(2);
                assertThat(versionsOfDeals(db, "Oud na de migratie")).containsOnlyKeys(2);

                // the old node works a task of the new version, the new node one of the old version
                assertThat(completeOwnershipConversation(old, referenceOf(db, registeredOnOld)))
                        .startsWith(NEW_NAME + " — ");
                assertThat(completeOwnershipConversation(upgraded, referenceOfDealNamed(db, "City Deal Voor 001")))
                        .startsWith(OLD_NAME + " — ");
                assertThat(Cluster.count(
                                db,
                                "select count(*) from prompt where deal_id = ? and kind = 'OWNERSHIP_CONVERSATION' "
                                        + "and status = 'DONE'",
                                registeredOnOld))
                        .isEqualTo(1);
                // and its overview and deal pages answer as before
                assertOk(old.get("/api/portfolio", true));
                assertOk(old.get("/api/deals/" + registeredOnOld, true));
                assertOk(old.get("/api/deals?size=200", true));

                // the old node is replaced: it stops, the new node carries on alone
                old.close();
                String afterwards = Cluster.registerRunningDeal(upgraded, "Na de upgrade");
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> Cluster.count(
                                        db,
                                        "select count(*) from prompt where deal_id = ? and fired_at is not null",
                                        afterwards)
                                == Cluster.DUE_KINDS.size());
                assertOk(upgraded.get("/api/portfolio", true));
                assertThat(upgraded.metric("citydeal_jobs_failed")).isZero();

                assertThat(old.loggedErrors()).as("errors the old node logged").isEmpty();
                assertThat(upgraded.loggedErrors())
                        .as("errors the new node logged")
                        .isEmpty();
            }
        } finally {
            smtp.stop();
        }
    }

    /**
     * The next build: this build's classes (target/classes) copied, with the V900 migration added to db/migration
     * and the ownership conversation's task renamed in processes/city-deal.bpmn; answers the classpath that runs it
     * (this JVM's, that copy in place of target/classes).
     */
    private static String newBuild(Path folder) throws IOException, URISyntaxException {
        Path classes = Path.of(CityDealEngineApplication.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toAbsolutePath();
        Path copy = folder.resolve("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, copy.resolve(classes.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path bpmn = copy.resolve("processes").resolve("city-deal.bpmn");
        String model = Files.readString(bpmn);
        String renamed = model.replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\"");
        assertThat(renamed).as("the renamed task").isNotEqualTo(model);
        Files.writeString(bpmn, renamed);
        try (InputStream migration =
                RollingUpgradeIT.class.getResourceAsStream("/rolling-upgrade/V900__rolling_upgrade_probe.sql")) {
            assertThat(migration).as("the new build's migration").isNotNull();
            Files.copy(migration, copy.resolve("db").resolve("migration").resolve("V900__rolling_upgrade_probe.sql"));
        }
        List<String> entries =
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(entries).as("this build's classes on the classpath").anyMatch(entry -> isSame(entry, classes));
        return entries.stream()
                .map(entry -> isSame(entry, classes) ? copy.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isSame(String entry, Path classes) {
        return Path.of(entry).toAbsolutePath().normalize().equals(classes.normalize());
    }

    private static void awaitEveryPromptFired(Connection db, int deals) {
        long expected = (long) deals * Cluster.DUE_KINDS.size();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Cluster.firedPrompts(db) >= expected && Cluster.dueTimers(db) == 0);
    }

    /** The deployed versions of the city-deal process. */
    private static List<Integer> processVersions(Connection db) throws SQLException {
        return Cluster.rows(
                        db, "select version_ from act_re_procdef where key_ = ? order by version_", CityDealProcess.KEY)
                .stream()
                .map(row -> ((Number) row.get(0)).intValue())
                .toList();
    }

    /** Of the deals whose name is like {@code namePattern}: how many run on which process version. */
    private static Map<Integer, Long> versionsOfDeals(Connection db, String namePattern) throws SQLException {
        List<List<Object>> rows = Cluster.rows(db, """
                select p.version_, count(*) from deal d
                join act_ru_execution e on e.business_key_ = d.reference and e.id_ = e.proc_inst_id_
                join act_re_procdef p on p.id_ = e.proc_def_id_
                where d.name like ? group by p.version_""", namePattern);
        assertThat(rows).as("deals named %s", namePattern).isNotEmpty();
        return rows.stream()
                .collect(Collectors.toMap(
                        row -> ((Number) row.get(0)).intValue(), row -> ((Number) row.get(1)).longValue()));
    }

    private static String referenceOf(Connection db, String dealId) throws SQLException {
        return (String) Cluster.rows(db, "select reference from deal where id = ?", dealId)
                .get(0)
                .get(0);
    }

    private static String referenceOfDealNamed(Connection db, String name) throws SQLException {
        return (String) Cluster.rows(db, "select reference from deal where name = ?", name)
                .get(0)
                .get(0);
    }

    /**
     * Completes the ownership conversation of a deal through a node's engine REST API, as Tasklist does; answers the
     * task's name.
     */
    private static String completeOwnershipConversation(AppNode node, String reference) throws IOException {
        HttpResponse<String> tasks = node.get(
                "/engine-rest/task?firstResult=0&maxResults=10&taskDefinitionKey=" + OWNERSHIP_TASK
                        + "&processInstanceBusinessKey="
                        + URLEncoder.encode(reference, StandardCharsets.UTF_8),
                true);
        assertOk(tasks);
        JsonNode found = JSON.readTree(tasks.body());
        assertThat(found).as("ownership conversations of %s", reference).hasSize(1);
        HttpResponse<String> submitted = node.post(
                "/engine-rest/task/" + found.get(0).get("id").asText() + "/submit-form", "application/json", """
                {"variables":{"ownershipOutcome":{"value":"De gemeenten dragen het resultaat samen."},
                 "futureOwners":{"value":"Gemeente Oost"}}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        return found.get(0).get("name").asText();
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.uri() + ": " + response.body())
                .isEqualTo(200);
    }
}
