package nl.citydeal.engine.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard on the Flyway history: a database a newer build migrated (a migration this build does not know) is
 * refused before anything runs, with a message that names both versions; the same or an older database migrates.
 * An in-memory H2 database with two migrations of its own stands for the app's.
 */
class DatabaseVersionGuardTest {

    @TempDir
    Path migrations;

    private final String url = "jdbc:h2:mem:guard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aDatabaseWithAMigrationThisBuildDoesNotKnowIsRefusedWithBothVersionsAndLeftAsItWas() throws Exception {
        write("V1__first.sql", "create table first_table (id int primary key)");
        write("V2__second.sql", "create table second_table (id int primary key)");
        new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway());
        // what a newer build (V130) leaves in the history
        execute("""
                insert into "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                    "checksum", "installed_by", "execution_time", "success")
                values (3, '130', 'from the future', 'SQL', 'V130__from_the_future.sql', 1, 'sa', 1, true)""");
        write("V3__third.sql", "create table third_table (id int primary key)");

        assertThatThrownBy(() -> new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway()))
                .isInstanceOf(NewerDatabaseException.class)
                .hasMessage("The database is of a newer version (app schema V130) than this build (V3): restore a "
                        + "backup of this version or deploy the newer build");
        assertThat(flyway().info().applied())
                .as("migrations applied after the refusal")
                .hasSize(3);
    }

    @Test
    void aDatabaseOfThisBuildOrAnOlderOneMigrates() throws Exception {
        write("V1__first.sql", "create table first_table (id int primary key)");
        new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway());
        write("V2__second.sql", "create table second_table (id int primary key)");

        assertThatNoException()
                .isThrownBy(() -> new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway()));
        assertThatNoException()
                .isThrownBy(() -> new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway()));
        assertThat(flyway().info().applied()).hasSize(2);
    }

    @Test
    void withAllowNewerANodeOfTheOldVersionStartsOnTheNewerDatabaseAndMigratesWhatItKnows() throws Exception {
        write("V1__first.sql", "create table first_table (id int primary key)");
        new DatabaseVersionGuard(new DatabaseVersionProperties(false)).migrate(flyway());
        execute("""
                insert into "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                    "checksum", "installed_by", "execution_time", "success")
                values (2, '130', 'from the future', 'SQL', 'V130__from_the_future.sql', 1, 'sa', 1, true)""");

        assertThatNoException()
                .isThrownBy(() -> new DatabaseVersionGuard(new DatabaseVersionProperties(true)).migrate(flyway()));
        assertThat(flyway().info().applied()).hasSize(2);
    }

    @Test
    void theFailureAnalysisSaysWhatToDoInsteadOfAStackTrace() {
        NewerDatabaseException refused = new NewerDatabaseException("app schema", "V130", "V121");

        FailureAnalysis analysis = new NewerDatabaseFailureAnalyzer().analyze(new IllegalStateException(refused));

        assertThat(analysis.getDescription())
                .startsWith("The database is of a newer version (app schema V130) than this build (V121)")
                .endsWith("This build refuses to start on it.");
        assertThat(analysis.getAction())
                .contains("Restore a backup made by this version")
                .contains("app schema V130 or newer");
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("filesystem:" + migrations)
                .load();
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
