package nl.citydeal.engine.processengine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.system.DatabaseVersionProperties;
import nl.citydeal.engine.system.NewerDatabaseException;

/**
 * Refuses the engine's tables when a newer Camunda wrote them: the engine's schema log ({@code ACT_GE_SCHEMA_LOG},
 * one row per create or upgrade script, with the Camunda version it brings the schema to) names a version above
 * this build's engine. Camunda itself does not check it: with {@code schema-update=false} (PostgreSQL, where
 * Liquibase leaves changesets it does not know alone) an older engine would run on a newer schema. The app's own
 * tables are checked by {@code system.DatabaseVersionGuard} before, when Flyway runs. Checked as soon as the engine is
 * built, before the job executor starts and before anything is deployed. {@code citydeal.database.allow-newer=true}
 * lets a node of the old version restart during a rolling upgrade ({@link DatabaseVersionProperties}).
 */
@Component
public class EngineSchemaVersionGuard extends AbstractProcessEnginePlugin {

    static final String SCHEMA = "process engine schema";
    private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaVersionGuard.class);

    private final DatabaseVersionProperties properties;

    public EngineSchemaVersionGuard(DatabaseVersionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        List<String> versions = processEngine.getManagementService().createSchemaLogQuery().list().stream()
                .map(SchemaLogEntry::getVersion)
                .toList();
        try {
            check(versions, ProductPropertiesUtil.getProductVersion());
        } catch (NewerDatabaseException newer) {
            if (!properties.allowNewer()) {
                throw newer;
            }
            LOG.warn("{}; starting anyway, as citydeal.database.allow-newer says", newer.getMessage());
        }
    }

    /** Throws when one of the schema's versions is above the engine's; versions that do not read as numbers count not. */
    static void check(List<String> schemaVersions, String engineVersion) {
        Optional<int[]> build = numbers(engineVersion);
        if (build.isEmpty()) {
            return;
        }
        schemaVersions.stream()
                .filter(version -> numbers(version).isPresent())
                .max(Comparator.comparing(version -> numbers(version).orElseThrow(), Arrays::compare))
                .filter(newest -> Arrays.compare(numbers(newest).orElseThrow(), build.get()) > 0)
                .ifPresent(newest -> {
                    throw new NewerDatabaseException(SCHEMA, newest, engineVersion);
                });
    }

    /** "7.24.0" as {7, 24, 0}; "7.25.0-alpha1" as {7, 25, 0}. */
    private static Optional<int[]> numbers(String version) {
        if (version == null || !version.matches("\\d+(\\.\\d+)*(-.*)?")) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(version.replaceAll("-.*", "").split("\\."))
                .mapToInt(Integer::parseInt)
                .toArray());
    }
}
