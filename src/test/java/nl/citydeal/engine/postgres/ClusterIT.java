package nl.citydeal.engine.postgres;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two identical nodes on one PostgreSQL database, both job executors running: 200 running deals are imported
 * (half through each node, at the same time) and their past prompts are due at once. Every prompt fires exactly
 * once, its mail is sent exactly once, and both nodes share the work.
 */
class ClusterIT {

    static final int DEALS = 200;

    @Test
    void twoNodesFireEveryDuePromptAndSendEveryMailExactlyOnce() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("cluster");
        GreenMail smtp = Cluster.startMailServer();
        Map<String, String> settings = Cluster.withMail(Cluster.nodeSettings(), smtp);
        try (AppNode a = AppNode.start("node-a", database, settings);
                AppNode b = AppNode.start("node-b", database, settings);
                Connection db = postgres.connect(database)) {
            Cluster.createDealLead(a);

            CompletableFuture.allOf(
                            CompletableFuture.runAsync(
                                    () -> Cluster.importRunningDealsInBackground(a, "Noord", DEALS / 2)),
                            CompletableFuture.runAsync(
                                    () -> Cluster.importRunningDealsInBackground(b, "Zuid", DEALS / 2)))
                    .join();
            long expected = (long) DEALS * Cluster.DUE_KINDS.size();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Cluster.firedPrompts(db) >= expected && Cluster.dueTimers(db) == 0);

            Cluster.assertEveryDuePromptFiredExactlyOnce(db, DEALS);
            Map<String, Long> perNode = Cluster.timersRunPerNode(db);
            System.out.printf("Timers run per node: %s%n", perNode);
            assertThat(perNode.keySet()).as("nodes that ran timers").containsExactlyInAnyOrder("node-a", "node-b");
            assertThat(perNode.values()).allSatisfy(timers -> assertThat(timers).isPositive());
            assertThat(perNode.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(expected);
            assertThat(a.metric("citydeal_prompts_fired_total") + b.metric("citydeal_prompts_fired_total"))
                    .as("prompts counted by the nodes")
                    .isEqualTo(expected);
            assertThat(a.metric("citydeal_jobs_failed")).isZero();
            assertThat(b.metric("citydeal_prompts_due")).isEqualTo(expected);

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Cluster.pendingMails(db) == 0);
            Cluster.assertEveryMailSent(db, smtp, DEALS, 0);
            assertThat(a.metric("citydeal_mails_sent_total") + b.metric("citydeal_mails_sent_total"))
                    .as("mails counted by the nodes")
                    .isEqualTo(smtp.getReceivedMessages().length);
            assertThat(a.metric("citydeal_outbox_backlog")).isZero();
        } finally {
            smtp.stop();
        }
    }
}
