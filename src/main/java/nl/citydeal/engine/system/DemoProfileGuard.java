package nl.citydeal.engine.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the demo profile on PostgreSQL, before anything touches the database: the demo creates users
 * with the well-known password {@code demo} (an administrator among them) and demo deals, which do not belong in a
 * production database. Runs after the profiles and their YAML files are loaded.
 */
public class DemoProfileGuard implements EnvironmentPostProcessor, Ordered {

    static final String MESSAGE = "The demo profile creates users with the password 'demo' and demo deals; it refuses "
            + "to run on PostgreSQL (%s). Start without the demo profile (set CITYDEAL_ADMIN_PASSWORD for the first "
            + "administrator), or use the demo on its H2 database.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (environment.acceptsProfiles(Profiles.of("demo")) && url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(MESSAGE.formatted(url.replaceAll("\\?.*", "")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
