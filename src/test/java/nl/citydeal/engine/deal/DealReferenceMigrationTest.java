package nl.citydeal.engine.deal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.citydeal.engine.postgres.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V115 on H2 and on PostgreSQL: the deals of a database from before get their references in registration order per
 * Dutch year (ties by id), the counter goes on after the last number of each year, and a reference is unique.
 */
class DealReferenceMigrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void existingDealsAreNumberedInRegistrationOrderPerYearAndTheCounterGoesOnFromThere(String vendor)
            throws SQLException {
        Database database = Database.of(vendor);
        migrate(database, "114");
        Map<String, String> expected = new LinkedHashMap<>();
        try (Connection connection = database.connect()) {
            // two at the same moment: the id decides
            expected.put(
                    insert(connection, "00000000-0000-0000-0000-00000000000b", "2024-03-01T10:00+01:00"),
                    "CD-2024-002");
            expected.put(
                    insert(connection, "00000000-0000-0000-0000-00000000000a", "2024-03-01T10:00+01:00"),
                    "CD-2024-001");
            expected.put(insert(connection, UUID.randomUUID().toString(), "2024-06-01T10:00+02:00"), "CD-2024-003");
            // 23:30 UTC on New Year's Eve is 00:30 on New Year's Day in Amsterdam
            expected.put(insert(connection, UUID.randomUUID().toString(), "2024-12-31T23:30Z"), "CD-2025-001");
            expected.put(insert(connection, UUID.randomUUID().toString(), "2025-02-01T10:00+01:00"), "CD-2025-002");
        }

        migrate(database, "115");

        try (Connection connection = database.connect()) {
            for (Map.Entry<String, String> deal : expected.entrySet()) {
                assertThat(reference(connection, deal.getKey()))
                        .as(deal.getKey())
                        .isEqualTo(deal.getValue());
            }
            assertThat(lastNumber(connection, 2024)).isEqualTo(3);
            assertThat(lastNumber(connection, 2025)).isEqualTo(2);
            assertThat(lastNumber(connection, 0)).isZero();
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                                "update deal set reference = 'CD-2024-001' where reference = 'CD-2024-002'"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    private static void migrate(Database database, String target) {
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/vendor/" + database.vendor())
                .javaMigrations(new StaatscourantMigration())
                .target(target)
                .load()
                .migrate();
    }

    private static String insert(Connection connection, String id, String registeredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into deal (id, name, theme, lead_organisation, deal_lead, phase, registered_at, version)
                values (?, ?, 'kenmerken', 'Gemeente Zwolle', 'anna', 'PREPARATION', ?, 0)""")) {
            insert.setString(1, id);
            insert.setString(2, "City Deal " + id);
            insert.setObject(3, OffsetDateTime.parse(registeredAt));
            insert.executeUpdate();
        }
        return id;
    }

    private static String reference(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select reference from deal where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static int lastNumber(Connection connection, int year) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select last_number from deal_reference_counter where reference_year = ?")) {
            query.setInt(1, year);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("counter of %d", year).isTrue();
                return row.getInt(1);
            }
        }
    }

    private record Database(String vendor, String url, String user, String password) {

        static Database of(String vendor) {
            if (vendor.equals("h2")) {
                return new Database(
                        vendor,
                        "jdbc:h2:mem:v115_" + UUID.randomUUID().toString().replace("-", "")
                                + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
                        "sa",
                        "");
            }
            TestPostgres postgres = TestPostgres.shared();
            return new Database(
                    vendor, postgres.createDatabase("v115"), TestPostgres.APP_USER, TestPostgres.APP_PASSWORD);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
