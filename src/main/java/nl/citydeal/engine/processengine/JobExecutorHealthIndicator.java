package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health {@code jobExecutor}: down when this node should run jobs ({@code camunda.bpm.job-execution.enabled}) but
 * its job executor is not running; up otherwise, with the jobs due and failed across all nodes. A node with the
 * job executor switched off (web only) is up. Failed jobs do not make a node unhealthy: they are incidents for an
 * administrator, not a fault of the node.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final CamundaBpmProperties properties;
    private final EngineStatus status;

    public JobExecutorHealthIndicator(
            ProcessEngineConfigurationImpl engineConfiguration, CamundaBpmProperties properties, EngineStatus status) {
        super("The job executor's state cannot be read");
        this.engineConfiguration = engineConfiguration;
        this.properties = properties;
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        boolean enabled = properties.getJobExecution().isEnabled();
        boolean active = jobExecutor != null && jobExecutor.isActive();
        health.status(enabled && !active ? Status.DOWN : Status.UP)
                .withDetail("enabled", enabled)
                .withDetail("active", active);
        if (jobExecutor != null) {
            health.withDetail("lockOwner", jobExecutor.getLockOwner())
                    .withDetail("lockTimeInMillis", jobExecutor.getLockTimeInMillis());
        }
        health.withDetail("jobsDue", status.jobsDue()).withDetail("jobsFailed", status.jobsFailed());
    }
}
