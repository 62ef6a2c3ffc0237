package nl.citydeal.engine.processengine;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine starts only after the database is initialised: Liquibase (the engine's own tables, profile
 * {@code postgres}) and Flyway (the app's tables). With {@code camunda.bpm.database.schema-update=false} an engine
 * that started first would find no tables and refuse to start. Registered in {@code META-INF/spring.factories}.
 */
public class EngineDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineConfigurationImpl.class, ProcessEngine.class);
    }
}
