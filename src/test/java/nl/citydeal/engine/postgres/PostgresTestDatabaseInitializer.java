package nl.citydeal.engine.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import nl.citydeal.engine.CityDealEngineApplication;

/**
 * With {@code -Dcitydeal.test.database=postgres} (the Surefire execution {@code postgres-process-tests} in pom.xml)
 * every Spring test context runs on a database of its own in the {@link TestPostgres} server, configured exactly as
 * the {@code postgres} profile configures production ({@code application-postgres.yaml}: Liquibase for the
 * engine's tables, no schema update by the engine, Flyway for ours; Liquibase's analytics off, as {@code main} does)
 * with CITYDEAL_DB_* pointing at it. Without the property it does nothing: the tests run on H2. Registered in
 * {@code META-INF/spring.factories} (test resources).
 */
public class PostgresTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "citydeal.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgres".equals(System.getProperty(DATABASE_PROPERTY))) {
            return;
        }
        System.setProperty(CityDealEngineApplication.LIQUIBASE_ANALYTICS, "false");
        String url = TestPostgres.shared().createDatabase("citydeal_test");
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        for (PropertySource<?> profile : postgresProfile()) {
            sources.addFirst(profile);
        }
        sources.addFirst(new MapPropertySource(
                "citydeal-test-plain-http", new java.util.HashMap<String, Object>(TestPostgres.PLAIN_HTTP_COOKIES)));
        sources.addFirst(new MapPropertySource(
                "citydeal-test-postgres",
                Map.of(
                        "CITYDEAL_DB_URL",
                        url,
                        "CITYDEAL_DB_USER",
                        TestPostgres.APP_USER,
                        "CITYDEAL_DB_PASSWORD",
                        TestPostgres.APP_PASSWORD,
                        // many cached test contexts share one server: a few connections each
                        "spring.datasource.hikari.maximum-pool-size",
                        "4",
                        "spring.datasource.hikari.minimum-idle",
                        "1")));
    }

    private static List<PropertySource<?>> postgresProfile() {
        try {
            return new YamlPropertySourceLoader()
                    .load("application-postgres.yaml (test)", new ClassPathResource("application-postgres.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
