package nl.citydeal.engine.processengine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the Tasklist's queries and task completions need on the engine's tables (docs/benchmarks.md) are there on either database:
 * on H2 made by {@link EngineIndexes} after the engine created its tables, on PostgreSQL by our Liquibase changelog.
 */
@CityDealSpringTest
@AlsoOnPostgres
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void tasksAreIndexedByDueDateAndCreationAndAuthorizationsByUser() throws Exception {
        assertThat(indexesOn("ACT_RU_TASK")).contains("CITYDEAL_IDX_TASK_DUE_CREATED");
        assertThat(indexesOn("ACT_RU_AUTHORIZATION")).contains("CITYDEAL_IDX_AUTH_USER");
    }

    @Test
    void tasksAreIndexedByTheirParentForTheSubtaskLookupOfEveryCompletion() throws Exception {
        assertThat(indexesOn("ACT_RU_TASK")).contains("CITYDEAL_IDX_TASK_PARENT");
    }

    @Test
    void creatingTheIndexesAgainOnH2ChangesNothing() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return;
            }
        }
        Set<String> before = indexesOn("ACT_RU_TASK");
        EngineIndexes.create(dataSource, EngineIndexes.H2);
        assertThat(indexesOn("ACT_RU_TASK")).isEqualTo(before);
    }

    private Set<String> indexesOn(String table) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
                while (indexes.next()) {
                    String index = indexes.getString("INDEX_NAME");
                    if (index != null) {
                        names.add(index.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
