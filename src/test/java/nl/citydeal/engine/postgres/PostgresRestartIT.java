package nl.citydeal.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app started again on the PostgreSQL schema it made: Liquibase and Flyway find nothing to do, the models
 * are not deployed again, and every deal, prompt and process stays as it was.
 */
class PostgresRestartIT {

    static final int DEALS = 5;

    @Test
    void restartOnAnExistingSchemaChangesNeitherSchemaNorData() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("restart");
        Map<String, String> before;
        try (Connection db = postgres.connect(database)) {
            try (AppNode first = AppNode.start("node-a", database, Cluster.nodeSettings())) {
                Cluster.createDealLead(first);
                Cluster.importRunningDeals(first, "West", DEALS);
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> Cluster.dueTimers(db) == 0);
                assertThat(Cluster.firedPrompts(db)).isEqualTo((long) DEALS * Cluster.DUE_KINDS.size());
                before = snapshot(db);
                assertThat(before.get("liquibase change sets")).isNotEqualTo("0");
            }
            try (AppNode second = AppNode.start("node-a", database, Cluster.nodeSettings())) {
                assertThat(snapshot(db)).isEqualTo(before);
                assertThat(second.get("/actuator/health/readiness", false).body())
                        .contains("\"UP\"");
            }
        }
    }

    /** Counts and checksums of the schema history, the schema itself, and the data. */
    private static Map<String, String> snapshot(Connection db) throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("liquibase change sets", value(db, "select count(*) from databasechangelog"));
        state.put(
                "liquibase history",
                value(
                        db,
                        "select md5(string_agg(id || '/' || md5sum || '/' || dateexecuted, ',' order by orderexecuted)) from databasechangelog"));
        state.put(
                "flyway history",
                value(
                        db,
                        "select md5(string_agg(version || '/' || checksum || '/' || installed_on, ',' order by installed_rank)) from flyway_schema_history"));
        state.put(
                "engine schema log", value(db, "select string_agg(version_, ',' order by id_) from act_ge_schema_log"));
        state.put(
                "columns",
                value(
                        db,
                        "select md5(string_agg(table_name || '.' || column_name || ':' || data_type, ',' order by table_name, column_name)) from information_schema.columns where table_schema = 'public'"));
        state.put(
                "indexes",
                value(
                        db,
                        "select md5(string_agg(indexdef, ',' order by indexname)) from pg_indexes where schemaname = 'public'"));
        for (String table : new String[] {
            "deal",
            "prompt",
            "deal_decision",
            "participant",
            "act_re_deployment",
            "act_re_procdef",
            "act_ru_execution",
            "act_ru_task",
            "act_ru_variable",
            "act_id_user",
            "act_id_membership"
        }) {
            state.put(
                    table,
                    value(
                            db,
                            "select count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from "
                                    + table + " t"));
        }
        // the deals' timers; the engine's history cleanup job reschedules itself inside its nightly window (01:00 to
        // 05:00, processengine.HistoryRetentionPlugin), restart or not
        state.put(
                "timers",
                value(
                        db,
                        "select count(*) || ' ' || coalesce(md5(string_agg(id_ || '/' || duedate_, ',' order by id_)), '')"
                                + " from act_ru_job where handler_type_ <> 'history-cleanup'"));
        return state;
    }

    private static String value(Connection db, String sql) throws SQLException {
        return String.valueOf(Cluster.rows(db, sql).get(0).get(0));
    }
}
