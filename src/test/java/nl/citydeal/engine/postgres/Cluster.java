package nl.citydeal.engine.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cluster tests share: the nodes' settings, registering running deals whose prompts are due, and reading
 * back from the database what the nodes did.
 */
final class Cluster {

    static final String DEAL_LEAD = "lea";
    static final String PROGRAMME_OFFICE_MAILBOX = "programmabureau@citydeal.example";
    /**
     * The timers that fire for a deal signed {@link #SIGNED_MONTHS_AGO} months ago with a three-year term: the
     * ownership conversation (25%), the scaling exploration (40%), the mid-term review (50%) and one answerability
     * review, for the most recent of the three review dates that passed (at 18 months). The scaling plan (75%), the
     * escalation and the next answerability review lie ahead.
     */
    static final List<String> DUE_TIMERS = List.of(
            CityDealProcess.Activity.OWNERSHIP_PROMPT_DUE,
            CityDealProcess.Activity.SCALING_EXPLORATION_DUE,
            CityDealProcess.Activity.MID_TERM_REVIEW_DUE,
            CityDealProcess.Activity.ANSWERABILITY_REVIEW_DUE);

    static final List<PromptKind> DUE_KINDS = List.of(
            PromptKind.OWNERSHIP_CONVERSATION,
            PromptKind.SCALING_EXPLORATION,
            PromptKind.MID_TERM_REVIEW,
            PromptKind.ANSWERABILITY_REVIEW);
    static final int SIGNED_MONTHS_AGO = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cluster() {}

    /**
     * A node of the cluster tests: the production settings, but an idle job executor looks for jobs every half
     * second (not 5 to 60 s) and a crashed node's jobs are free again after 10 s (not 5 minutes).
     */
    static Map<String, String> nodeSettings() {
        return nodeSettings(Duration.ofSeconds(10));
    }

    static Map<String, String> nodeSettings(Duration lockTime) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
        settings.put("camunda.bpm.job-execution.max-wait", "1000");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", Long.toString(lockTime.toMillis()));
        return settings;
    }

    /**
     * The same settings, sending mail through {@code smtp}: the outbox every second, a dead node's claims free
     * after 10 s (not 2 minutes), the programme office's mails to its shared mailbox, and no reminder or digest
     * run that could fall inside the test.
     */
    static Map<String, String> withMail(Map<String, String> nodeSettings, GreenMail smtp) {
        Map<String, String> settings = new LinkedHashMap<>(nodeSettings);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("citydeal.mail.send-interval", "PT1S");
        settings.put("citydeal.mail.lease", "PT10S");
        settings.put("citydeal.mail.programme-office-address", PROGRAMME_OFFICE_MAILBOX);
        settings.put("citydeal.reminders.cron", "-");
        settings.put("citydeal.digest.cron", "-");
        return settings;
    }

    /** An SMTP server for the nodes, in the test's JVM: it holds every mail it accepted. */
    static GreenMail startMailServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Mails in the outbox that no node has sent yet. */
    static long pendingMails(Connection db) throws SQLException {
        return count(db, "select count(*) from notification where status = 'PENDING'");
    }

    /**
     * Every prompt that fired has its mail, every mail in the outbox was sent, and the SMTP server received each of
     * them: exactly once, or (after a crash) at most {@code resentAtMost} of them twice, with the same Message-ID.
     * A mail to the deal lead for the ownership conversation, the scaling exploration and the answerability review,
     * one to the programme office's mailbox for the mid-term review.
     */
    static void assertEveryMailSent(Connection db, GreenMail smtp, int deals, int resentAtMost) throws SQLException {
        assertThat(count(
                        db,
                        "select count(*) from notification where kind = 'PROMPT' and recipient_user = ?",
                        DEAL_LEAD))
                .as("prompt mails to the deal lead")
                .isEqualTo(3L * deals);
        assertThat(count(
                        db,
                        "select count(*) from notification where kind = 'PROMPT' and recipient_email = ?",
                        PROGRAMME_OFFICE_MAILBOX))
                .as("prompt mails to the programme office")
                .isEqualTo(deals);
        assertThat(rows(db, "select id, status, last_error from notification where status <> 'SENT'"))
                .as("mails not sent")
                .isEmpty();
        List<String> outbox = rows(db, "select id from notification order by id").stream()
                .map(row -> row.get(0).toString())
                .toList();

        Map<String, Long> received = new LinkedHashMap<>();
        Map<String, Set<String>> messageIds = new LinkedHashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                String notification = mail.getHeader("X-CityDeal-Notification", null);
                received.merge(notification, 1L, Long::sum);
                messageIds.computeIfAbsent(notification, id -> new HashSet<>()).add(mail.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(received.keySet()).as("mails the SMTP server received").containsExactlyInAnyOrderElementsOf(outbox);
        Map<String, Long> twice = new LinkedHashMap<>(received);
        twice.values().removeIf(times -> times == 1);
        assertThat(twice)
                .as("mails received more than once")
                .hasSizeLessThanOrEqualTo(resentAtMost)
                .allSatisfy((notification, times) -> assertThat(times).isEqualTo(2));
        assertThat(messageIds)
                .as("Message-IDs per mail")
                .allSatisfy((notification, ids) -> assertThat(ids).hasSize(1));
    }

    /** The deal lead the imported deals belong to, created as an administrator would: through the engine's REST API. */
    static void createDealLead(AppNode node) throws IOException {
        HttpResponse<String> user = node.post("/engine-rest/user/create", "application/json", """
                {"profile":{"id":"%s","firstName":"Lea","lastName":"Trekker","email":"lea@citydeal.example"},
                 "credentials":{"password":"Cluster-Geheim-2026!"}}""".formatted(DEAL_LEAD));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(204);
        HttpResponse<String> member = node.put("/engine-rest/group/deal-leads/members/" + DEAL_LEAD);
        assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
    }

    /**
     * Imports running deals through the CSV import ({@code POST /api/deals/import}): signed
     * {@link #SIGNED_MONTHS_AGO} months ago for three years, so the timers of {@link #DUE_TIMERS} are due at once.
     */
    static void importRunningDeals(AppNode node, String prefix, int count) throws IOException {
        LocalDate signed = LocalDate.now().minusMonths(SIGNED_MONTHS_AGO);
        StringBuilder csv = new StringBuilder("name,theme,signed_on,ends_on,lead\n");
        for (int i = 1; i <= count; i++) {
            csv.append("%s %03d,Klimaatadaptatie,%s,%s,Gemeente %s %03d\n"
                    .formatted(prefix, i, signed, signed.plusYears(3), prefix, i));
        }
        HttpResponse<String> report = node.post(
                "/api/deals/import?dealLead=" + URLEncoder.encode(DEAL_LEAD, StandardCharsets.UTF_8),
                "text/csv",
                csv.toString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).doesNotContain("REFUSED");
    }

    /**
     * Registers one running deal through {@code POST /api/deals}, signed as {@link #importRunningDeals} signs them:
     * its {@link #DUE_TIMERS} are due at once. Answers the new deal's id once the node acknowledged it (201).
     */
    static String registerRunningDeal(AppNode node, String name) throws IOException {
        LocalDate signed = LocalDate.now().minusMonths(SIGNED_MONTHS_AGO);
        HttpResponse<String> created = node.post(
                "/api/deals", "application/json", """
                {"name":"%s","theme":"Klimaatadaptatie","leadOrganisation":"Gemeente %s","dealLead":"%s",
                 "signedOn":"%s","endsOn":"%s"}""".formatted(name, name, DEAL_LEAD, signed, signed.plusYears(3)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** {@link #importRunningDeals}, for a thread of its own: a failure says which node and shows its log. */
    static void importRunningDealsInBackground(AppNode node, String prefix, int count) {
        try {
            importRunningDeals(node, prefix, count);
        } catch (Exception e) {
            throw new IllegalStateException("Import through " + node.name() + " failed:\n" + node.logTail(), e);
        }
    }

    /** Timer jobs whose due date has passed and that no node has finished yet. */
    static long dueTimers(Connection db) throws SQLException {
        return count(
                db,
                "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?",
                Timestamp.from(Instant.now()));
    }

    /** Prompts that fell due (fired), whatever happened to them since. */
    static long firedPrompts(Connection db) throws SQLException {
        return count(db, "select count(*) from prompt where fired_at is not null");
    }

    /** Open database sessions of a node: after a crash PostgreSQL ends them once it has finished their work. */
    static long sessionsOf(Connection db, String node) throws SQLException {
        return count(db, "select count(*) from pg_stat_activity where application_name = ?", node);
    }

    /** Timer jobs that ran to the end, per node (the engine's job log, host name = node name). */
    static Map<String, Long> timersRunPerNode(Connection db) throws SQLException {
        Map<String, Long> perNode = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select hostname_, count(*) from act_hi_job_log
                where job_state_ = 2 and job_def_type_ like 'timer%'
                group by hostname_ order by hostname_""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                perNode.put(rows.getString(1), rows.getLong(2));
            }
        }
        return perNode;
    }

    /**
     * Every prompt that was due fired exactly once, and nothing else happened twice:
     * <ul>
     * <li>each of the {@code deals} deals has exactly one prompt row per kind (a timer that fired twice leaves a
     * second row: the prompt log makes one when no planned prompt is left), and each due kind fired once;</li>
     * <li>each due timer of each deal's process ran exactly once in the engine's history, and the engine's job log
     * holds exactly one successful run per job;</li>
     * <li>no due timer is left, no job failed, no incident.</li>
     * </ul>
     */
    static void assertEveryDuePromptFiredExactlyOnce(Connection db, int deals) throws SQLException {
        assertThat(count(db, "select count(*) from deal")).isEqualTo(deals);
        assertThat(rows(db, """
                select deal_id, kind, count(*) from prompt
                group by deal_id, kind having count(*) <> 1""")).as("deals with a prompt twice or not at all").isEmpty();
        assertThat(
                        rows(
                                db,
                                "select deal_id, kind, due_at, count(*) from prompt group by deal_id, kind, due_at having count(*) > 1"))
                .as("prompts recorded twice")
                .isEmpty();
        for (PromptKind kind : DUE_KINDS) {
            assertThat(count(
                            db,
                            "select count(*) from prompt where kind = ? and status = 'DUE' and fired_at is not null "
                                    + "and fired_at >= due_at",
                            kind.name()))
                    .as(kind + " fired")
                    .isEqualTo(deals);
        }
        assertThat(count(db, "select count(*) from prompt where fired_at is not null"))
                .as("prompts fired in all")
                .isEqualTo((long) deals * DUE_KINDS.size());

        for (String timer : DUE_TIMERS) {
            assertThat(rows(db, """
                    select p.business_key_, count(a.id_) from act_hi_procinst p
                    left join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = ?
                    where p.proc_def_key_ = ? group by p.business_key_ having count(a.id_) <> 1""", timer, CityDealProcess.KEY))
                    .as("deals whose timer %s did not run exactly once", timer)
                    .isEmpty();
        }
        // the deals' jobs only: the engine's history cleanup is one job that runs again and again inside its nightly
        // window (01:00 to 05:00, processengine.HistoryRetentionPlugin), so a run at night would count it
        assertThat(rows(db, """
                        select job_id_, count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ is not null
                        group by job_id_ having count(*) > 1""")).as("jobs that succeeded twice").isEmpty();
        assertThat(dueTimers(db)).as("due timers left").isZero();
        assertThat(count(db, "select count(*) from act_ru_job where retries_ = 0"))
                .as("failed jobs")
                .isZero();
        assertThat(count(db, "select count(*) from act_ru_incident"))
                .as("incidents")
                .isZero();
    }

    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        List<List<Object>> result = rows(db, sql, parameters);
        return ((Number) result.get(0).get(0)).longValue();
    }

    static List<List<Object>> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(rows.getObject(column));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }
}
