package nl.citydeal.engine.processengine;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's work for Prometheus ({@code /actuator/prometheus}): {@code citydeal_jobs_due} and
 * {@code citydeal_jobs_failed}. Both count the jobs of all nodes, read from the database when scraped: every node
 * reports the same number, so aggregate them with {@code max}, not {@code sum}.
 */
@Component
public class EngineMetrics implements MeterBinder {

    private final EngineStatus status;

    public EngineMetrics(EngineStatus status) {
        this.status = status;
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
    }
}
