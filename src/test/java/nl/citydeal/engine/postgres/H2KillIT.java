package nl.citydeal.engine.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.citydeal.engine.processengine.CityDealProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default database, H2 in a file, is killed with its node (SIGKILL, a JVM of its own, as {@link CrashRecoveryIT}
 * does on PostgreSQL) while deals are being registered and the 800 due prompts of 200 running deals fire. The file opens again, every deal
 * the node acknowledged is there with its process, no deal is half registered, and after the restart every due
 * prompt fires exactly once, with exactly one mail in the outbox.
 */
class H2KillIT {

    static final int IMPORTED = 200;
    static final String MAILBOX = "programmabureau@citydeal.example";

    @TempDir
    Path folder;

    @Test
    void theDefaultFileDatabaseKeepsEveryAcknowledgedDealAndFiresEveryDuePromptOnceAfterKill9() throws Exception {
        AppNode.Database h2 = AppNode.Database.h2File(folder);
        Map<String, String> settings = new LinkedHashMap<>(Cluster.nodeSettings());
        // no SMTP server: the mails wait in the outbox, one per prompt (the mid-term review's to this mailbox)
        settings.put("citydeal.mail.programme-office-address", MAILBOX);
        settings.put("citydeal.reminders.cron", "-");
        settings.put("citydeal.digest.cron", "-");

        // the running deals come in through a web-only node (job executor off), so that the node that dies meets all
        // their due prompts at once when it starts
        Map<String, String> webOnly = new LinkedHashMap<>(settings);
        webOnly.put("camunda.bpm.job-execution.enabled", "false");
        try (AppNode web = AppNode.start("web", h2, webOnly)) {
            Cluster.createDealLead(web);
            Cluster.importRunningDeals(web, "Import", IMPORTED);
            web.close();
            assertThat(web.loggedErrors()).as("errors of a node that stopped").isEmpty();
        }

        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AppNode node = AppNode.start("first", h2, settings);
        CompletableFuture<Void> registrations;
        try {
            // registrations one by one while the due prompts fire, until the node dies under them
            registrations = CompletableFuture.runAsync(() -> {
                for (int i = 1; !killed.get(); i++) {
                    try {
                        acknowledged.add(Cluster.registerRunningDeal(node, "Los %04d".formatted(i)));
                    } catch (Exception | AssertionError e) {
                        if (!killed.get()) {
                            throw new IllegalStateException("Registration failed:\n" + node.logTail(), e);
                        }
                    }
                }
            });
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> registrations.isDone()
                            || (node.metric("citydeal_prompts_fired_total") >= IMPORTED && acknowledged.size() >= 5));
            assertThat(registrations).as("registrations still going").isNotDone();

            killed.set(true);
            assertThat(node.kill()).as("exit code of SIGKILL").isEqualTo(137);
        } finally {
            killed.set(true);
            node.close();
        }
        registrations.join();

        long deals;
        try (Connection db = open(h2)) {
            deals = assertEveryAcknowledgedDealIsThereWithItsProcess(db, List.copyOf(acknowledged));
            long fired = Cluster.firedPrompts(db);
            System.out.printf(
                    "Killed with %d deals (%d acknowledged registrations), %d of %d prompts fired%n",
                    deals, acknowledged.size(), fired, deals * Cluster.DUE_KINDS.size());
            assertThat(fired).as("prompts fired before the kill").isLessThan(deals * Cluster.DUE_KINDS.size());
        }

        try (AppNode restarted = AppNode.start("second", h2, settings)) {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> restarted.metric("citydeal_jobs_due") == 0);
            assertThat(restarted.metric("citydeal_jobs_failed")).isZero();
            restarted.close();
            assertThat(restarted.loggedErrors())
                    .as("errors of the restarted node")
                    .isEmpty();
        }
        try (Connection db = open(h2)) {
            assertThat(assertEveryAcknowledgedDealIsThereWithItsProcess(db, List.copyOf(acknowledged)))
                    .isEqualTo(deals);
            Cluster.assertEveryDuePromptFiredExactlyOnce(db, (int) deals);
            assertThat(Cluster.rows(db, """
                            select p.id, count(n.id) from prompt p
                            left join notification n on n.prompt_id = p.id and n.kind = 'PROMPT'
                            where p.fired_at is not null group by p.id having count(n.id) <> 1"""))
                    .as("fired prompts without exactly one mail")
                    .isEmpty();
            assertThat(Cluster.count(db, "select count(*) from notification"))
                    .as("mails in the outbox")
                    .isEqualTo(deals * Cluster.DUE_KINDS.size());
        }
    }

    /**
     * Every acknowledged deal is there; no deal without its running process, no process without its deal. Answers
     * the number of deals: the acknowledged ones, the imported ones and at most the one registration the node was
     * committing as it died.
     */
    private static long assertEveryAcknowledgedDealIsThereWithItsProcess(Connection db, List<String> acknowledged)
            throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String id : acknowledged) {
            if (Cluster.count(db, "select count(*) from deal where id = ?", id) != 1) {
                missing.add(id);
            }
        }
        assertThat(missing)
                .as("acknowledged deals missing, of %d", acknowledged.size())
                .isEmpty();
        assertThat(Cluster.rows(db, """
                        select d.id from deal d where not exists (
                          select 1 from act_ru_execution e
                          where e.business_key_ = d.reference and e.id_ = e.proc_inst_id_)""")).as("deals without their process").isEmpty();
        assertThat(Cluster.rows(db, """
                        select p.business_key_ from act_hi_procinst p where p.proc_def_key_ = ?
                        and not exists (select 1 from deal d where d.reference = p.business_key_)""", CityDealProcess.KEY))
                .as("processes without their deal")
                .isEmpty();
        long deals = Cluster.count(db, "select count(*) from deal");
        assertThat(deals).isBetween((long) acknowledged.size() + IMPORTED, (long) acknowledged.size() + IMPORTED + 1);
        assertThat(Cluster.count(
                        db,
                        "select count(*) from act_ru_execution where id_ = proc_inst_id_ and proc_def_id_ like ?",
                        CityDealProcess.KEY + ":%"))
                .as("running deal processes")
                .isEqualTo(deals);
        return deals;
    }

    /** The file, opened as the app opens it, while no node has it open. */
    private static Connection open(AppNode.Database h2) throws SQLException {
        return DriverManager.getConnection(h2.jdbcUrl(), "sa", "");
    }
}
