package nl.citydeal.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In tests the application's "now" is the engine's: a process test that moves the engine's clock to fire a timer
 * moves the application's with it, as both are the system's clock in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineTimeClock {

    @Bean
    @Primary
    Clock engineTimeClock() {
        return new Following(ZoneId.systemDefault());
    }

    private static final class Following extends Clock {

        private final ZoneId zone;

        Following(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Following(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
