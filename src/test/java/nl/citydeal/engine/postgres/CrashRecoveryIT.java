package nl.citydeal.engine.postgres;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node dies hard (SIGKILL, a JVM of its own) while it works through due prompts, with jobs locked. The other
 * node leaves those jobs alone until their lock expires, then finishes everything: nothing lost, nothing twice.
 * Their mails too: every mail goes out, and only the one the dead node may have been handing to the SMTP server at
 * the moment it died can go out a second time (with the same Message-ID).
 * The 200 running deals come in through a web-only node first, so the node that dies meets 600 due prompts.
 */
class CrashRecoveryIT {

    static final int DEALS = 200;
    /** Longer than a node takes to start: node B is up while the dead node's jobs are still locked. */
    static final Duration LOCK_TIME = Duration.ofSeconds(60);

    @Test
    void theOtherNodeFinishesTheJobsOfAKilledNodeAfterTheirLockExpires() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("crash");
        long expected = (long) DEALS * Cluster.DUE_KINDS.size();
        GreenMail smtp = Cluster.startMailServer();
        Map<String, String> settings = Cluster.withMail(Cluster.nodeSettings(LOCK_TIME), smtp);
        try (Connection db = postgres.connect(database)) {
            // the deals come in through a web-only node (job executor off), so that node A meets all their due
            // prompts at once when it starts
            Map<String, String> webOnly = new LinkedHashMap<>(settings);
            webOnly.put("camunda.bpm.job-execution.enabled", "false");
            try (AppNode web = AppNode.start("web", database, webOnly)) {
                Cluster.createDealLead(web);
                Cluster.importRunningDeals(web, "Oost", DEALS);
            }
            assertThat(Cluster.dueTimers(db)).isEqualTo(expected);

            AppNode a = AppNode.start("node-a", database, settings);
            try {
                // well into the work, with jobs locked by node A
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> Cluster.firedPrompts(db) >= expected / 5 && lockedJobs(db) > 0);
                assertThat(Cluster.sessionsOf(db, "node-a")).isPositive();

                assertThat(a.kill()).as("exit code of SIGKILL").isEqualTo(137);
            } finally {
                a.close();
            }
            // a commit node A sent just before it died still counts: read once PostgreSQL is done with its sessions.
            // From here on the waits ignore exceptions in other threads: the mail server's thread for node A's SMTP
            // connection may end in "Connection reset", which is the crash itself, not a fault of the test.
            await().atMost(Duration.ofMinutes(1))
                    .dontCatchUncaughtExceptions()
                    .until(() -> Cluster.sessionsOf(db, "node-a") == 0);
            List<List<Object>> lockedAtKill =
                    Cluster.rows(db, "select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null");
            assertThat(lockedAtKill).as("jobs the dead node holds").isNotEmpty();
            long firedByA = Cluster.firedPrompts(db);
            assertThat(firedByA)
                    .as("prompts node A fired before it died")
                    .isPositive()
                    .isLessThan(expected);

            System.out.printf(
                    "Node A fired %d of %d prompts and held %d jobs when it was killed%n",
                    firedByA, expected, lockedAtKill.size());
            try (AppNode b = AppNode.start("node-b", database, settings)) {
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .dontCatchUncaughtExceptions()
                        .until(() -> Cluster.firedPrompts(db) >= expected && Cluster.dueTimers(db) == 0);

                Cluster.assertEveryDuePromptFiredExactlyOnce(db, DEALS);
                assertThat(Cluster.timersRunPerNode(db)).containsOnlyKeys("node-a", "node-b");
                for (List<Object> job : lockedAtKill) {
                    List<List<Object>> runs = Cluster.rows(
                            db,
                            "select hostname_, timestamp_ from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                            job.get(0));
                    assertThat(runs)
                            .as("runs of job %s, locked by the dead node", job.get(0))
                            .hasSize(1);
                    assertThat(runs.get(0).get(0)).isEqualTo("node-b");
                    assertThat((Timestamp) runs.get(0).get(1))
                            .as("run after the lock expired")
                            .isAfterOrEqualTo((Timestamp) job.get(1));
                }
                assertThat(b.metric("citydeal_prompts_fired_total"))
                        .as("prompts node B fired")
                        .isEqualTo(expected - firedByA);

                // node B also sends the mails node A recorded but did not send, those it had claimed included (once
                // their claim ran out); the one mail A may have been handing to the SMTP server as it died goes twice
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .dontCatchUncaughtExceptions()
                        .until(() -> Cluster.pendingMails(db) == 0);
                Cluster.assertEveryMailSent(db, smtp, DEALS, 1);
            }
        } finally {
            smtp.stop();
        }
    }

    private static long lockedJobs(Connection db) throws java.sql.SQLException {
        return Cluster.count(
                db,
                "select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > ?",
                Timestamp.from(Instant.now()));
    }
}
