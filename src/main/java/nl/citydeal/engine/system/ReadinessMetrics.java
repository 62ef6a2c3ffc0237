package nl.citydeal.engine.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code citydeal_ready}: 1 while this node's readiness ({@code /actuator/health/readiness}: readiness state,
 * database, engine, job executor) is {@code UP}, 0 otherwise. Evaluated when scraped, so Prometheus sees a node that
 * still answers but takes no traffic (the alert {@code CityDealNodeNotReady} in deploy/prometheus). The health
 * endpoint is looked up on the first scrape: the metrics are bound before the health indicators' beans exist.
 */
@Component
class ReadinessMetrics implements MeterBinder {

    private final ObjectProvider<HealthEndpoint> health;

    ReadinessMetrics(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("citydeal.ready", this, ReadinessMetrics::ready)
                .description("1 while this node's readiness (/actuator/health/readiness) is UP, 0 otherwise")
                .strongReference(true)
                .register(registry);
    }

    double ready() {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthComponent readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
