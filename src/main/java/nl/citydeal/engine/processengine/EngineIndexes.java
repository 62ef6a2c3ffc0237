package nl.citydeal.engine.processengine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's tables on H2, where the engine creates its own tables (docs/adr/0004): the same as the
 * Liquibase changelog adds on PostgreSQL ({@code db/changelog/camunda.xml}), for the Tasklist's queries
 * and the completion of a task (docs/benchmarks.md). Not a Flyway migration: Flyway runs before the engine, which on a new H2 database has not
 * created its tables yet. Created once the engine has built its schema, on every start ({@code if not exists}:
 * nothing to do after the first). Does nothing on other databases.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    /** The indexes, each a {@code create index if not exists}. */
    public static final List<String> H2 = List.of(
            "create index if not exists CITYDEAL_IDX_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_)",
            "create index if not exists CITYDEAL_IDX_TASK_DUE_CREATED on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)",
            "create index if not exists CITYDEAL_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if ("h2".equals(configuration.getDatabaseType())) {
            create(configuration.getDataSource(), H2);
        }
    }

    /** Runs the statements on one connection and commits them (the benchmark's bare engine uses it too). */
    public static void create(DataSource dataSource, List<String> indexes) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String index : indexes) {
                statement.execute(index);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot create the indexes on the engine's tables", e);
        }
    }
}
