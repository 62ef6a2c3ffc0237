package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's work for Prometheus ({@code /actuator/prometheus}): {@code citydeal_jobs_due} and
 * {@code citydeal_jobs_failed}. Both count the jobs of all nodes, read from the database when scraped: every node
 * reports the same number, so aggregate them with {@code max}, not {@code sum}. And this node's own job executor:
 * {@code citydeal_job_executor_active{enabled="true|false"}}, 1 while it runs, 0 when not; {@code enabled} says
 * whether it should run ({@code camunda.bpm.job-execution.enabled}), so a stopped one is
 * {@code citydeal_job_executor_active{enabled="true"} == 0}.
 */
@Component
public class EngineMetrics implements MeterBinder {

    private final EngineStatus status;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final boolean jobExecutionEnabled;

    public EngineMetrics(
            EngineStatus status, ProcessEngineConfigurationImpl engineConfiguration, CamundaBpmProperties properties) {
        this.status = status;
        this.engineConfiguration = engineConfiguration;
        this.jobExecutionEnabled = properties.getJobExecution().isEnabled();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("citydeal.jobs.due", status, EngineStatus::jobsDue)
                .description(
                        "Jobs of all nodes whose due date has come, with retries left (timers, async steps, batches)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("citydeal.jobs.failed", status, EngineStatus::jobsFailed)
                .description("Jobs of all nodes with no retries left: incidents waiting for an administrator")
                .strongReference(true)
                .register(registry);
        Gauge.builder("citydeal.job.executor.active", this, EngineMetrics::jobExecutorActive)
                .description("1 while this node's job executor runs, 0 when not; enabled: whether it should run")
                .tag("enabled", Boolean.toString(jobExecutionEnabled))
                .strongReference(true)
                .register(registry);
    }

    private double jobExecutorActive() {
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        return jobExecutor != null && jobExecutor.isActive() ? 1 : 0;
    }
}
