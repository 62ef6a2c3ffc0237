package nl.citydeal.engine.processengine;

import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code camundaEngine}: the engine runs and reads its own tables. Details: the engine's name, its version
 * and the newest version its schema was created or upgraded to (the two differ when an upgrade of the schema is
 * missing), and the number of deployed processes. Part of the readiness group: a node whose engine cannot read
 * its tables takes no traffic.
 */
@Component("camundaEngineHealthIndicator")
public class EngineHealthIndicator extends AbstractHealthIndicator {

    /** Orders "7.9.0" before "7.24.0". */
    static final Comparator<String> VERSION_ORDER =
            Comparator.comparing(EngineHealthIndicator::versionNumbers, Arrays::compare);

    private final ProcessEngine processEngine;

    public EngineHealthIndicator(ProcessEngine processEngine) {
        super("The process engine cannot read its tables");
        this.processEngine = processEngine;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("name", processEngine.getName());
        String version = ProcessEngine.class.getPackage().getImplementationVersion();
        if (version != null) {
            health.withDetail("version", version);
        }
        String schemaVersion = processEngine.getManagementService().createSchemaLogQuery().list().stream()
                .map(SchemaLogEntry::getVersion)
                .max(VERSION_ORDER)
                .orElse("none");
        long processes = processEngine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .latestVersion()
                .count();
        health.up().withDetail("schemaVersion", schemaVersion).withDetail("processDefinitions", processes);
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("[.-]"))
                .takeWhile(part -> part.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
