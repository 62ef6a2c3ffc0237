package nl.citydeal.engine.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Refuses a database that a newer build of the app has migrated: its {@code flyway_schema_history} holds a migration
 * this build does not know (a backup of a newer version restored here, or an older build deployed on an upgraded
 * database). Flyway itself ignores such "future" migrations (its default {@code ignoreMigrationPatterns *:future}), and
 * an older build would run on tables it does not know. Checked before this build's migrations run; the engine starts
 * after them (processengine.EngineDatabaseInitializationDetector), so nothing has touched the database yet. The
 * message comes out through {@link NewerDatabaseFailureAnalyzer}. {@code citydeal.database.allow-newer=true} lets a node
 * of the old version restart during a rolling upgrade ({@link DatabaseVersionProperties}).
 */
@Component
class DatabaseVersionGuard implements FlywayMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseVersionGuard.class);

    private final DatabaseVersionProperties properties;

    DatabaseVersionGuard(DatabaseVersionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void migrate(Flyway flyway) {
        try {
            check(flyway);
        } catch (NewerDatabaseException newer) {
            if (!properties.allowNewer()) {
                throw newer;
            }
            LOG.warn("{}; starting anyway, as citydeal.database.allow-newer says", newer.getMessage());
        }
        flyway.migrate();
    }

    static void check(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationVersion> newest = Arrays.stream(all)
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (newest.isPresent()) {
            MigrationVersion known = Arrays.stream(all)
                    .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .orElse(MigrationVersion.EMPTY);
            throw new NewerDatabaseException("app schema", "V" + newest.get(), "V" + known);
        }
    }
}
