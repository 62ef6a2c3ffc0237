package nl.citydeal.engine;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * City Deal Engine: runs Dutch City Deals from preparation to the scaling decision on embedded Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CityDealEngineApplication {

    /** The deals are Dutch: repeating timers and cron expressions are computed on Dutch time. */
    public static final String TIME_ZONE = "Europe/Amsterdam";

    /** Liquibase (the engine's schema on PostgreSQL) reports usage to its vendor unless told not to. */
    public static final String LIQUIBASE_ANALYTICS = "liquibase.analytics.enabled";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
        if (System.getProperty(LIQUIBASE_ANALYTICS) == null && System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
            System.setProperty(LIQUIBASE_ANALYTICS, "false");
        }
        SpringApplication.run(CityDealEngineApplication.class, args);
    }
}
