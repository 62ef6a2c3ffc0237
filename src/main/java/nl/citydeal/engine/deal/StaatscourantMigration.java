package nl.citydeal.engine.deal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V111 (issue #17 points 5 and 6), in Java because it reads what was written as text once, with the
 * same rule as the import ({@link StaatscourantReference#parse}): what a deal means to scale ({@code
 * deal_scaling_intent}); a Staatscourant publication as year and number beside the text, for the signing (on {@code
 * deal}) and for a term change's decision (an extension's, on {@code deal_decision}). A deal's free-text reference
 * that reads as "Staatscourant 2024, 12345" or "Stcrt. 2024, 12345" becomes its year and number; any other text stays
 * as it was, shown without a link. Plain SQL for H2 and PostgreSQL; Spring Boot hands the bean to Flyway.
 */
@Component
class StaatscourantMigration implements JavaMigration {

    private static final List<String> SCHEMA = List.of(
            """
            create table deal_scaling_intent (
                deal_id varchar(36) not null references deal (id),
                intent  varchar(32) not null,
                primary key (deal_id, intent)
            )""",
            "create index deal_scaling_intent_intent on deal_scaling_intent (intent)",
            "alter table deal add column staatscourant_year integer",
            "alter table deal add column staatscourant_number integer",
            "alter table deal_decision add column staatscourant_year integer",
            "alter table deal_decision add column staatscourant_number integer",
            "alter table deal_decision add column staatscourant_reference varchar(200)");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("111");
    }

    @Override
    public String getDescription() {
        return "scaling intent and structured staatscourant reference";
    }

    @Override
    public Integer getChecksum() {
        return 111_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
        record Reference(String dealId, StaatscourantReference parsed) {}
        List<Reference> references = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select id, staatscourant_reference from deal where staatscourant_reference is not null")) {
            while (rows.next()) {
                StaatscourantReference parsed = StaatscourantReference.parse(rows.getString(2));
                if (parsed != null && parsed.linked()) {
                    references.add(new Reference(rows.getString(1), parsed));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update deal set staatscourant_year = ?, staatscourant_number = ?, staatscourant_reference = null"
                        + " where id = ?")) {
            for (Reference reference : references) {
                update.setInt(1, reference.parsed().year());
                update.setInt(2, reference.parsed().number());
                update.setString(3, reference.dealId());
                update.addBatch();
            }
            if (!references.isEmpty()) {
                update.executeBatch();
            }
        }
    }
}
