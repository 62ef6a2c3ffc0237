package nl.citydeal.engine.prompt.notify;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox settings and their defaults. */
class NotificationPropertiesTest {

    @Test
    void backoffGrowsFromAMinuteToTwelveHoursAndStaysThere() {
        NotificationProperties defaults = new NotificationProperties(null, null, null, null, null, null, null, null);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 9).stream().map(defaults::backoffAfter))
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(12),
                        Duration.ofHours(12),
                        Duration.ofHours(12));
    }

    @Test
    void configuredBackoffIsCappedAtTwelveHours() {
        NotificationProperties properties = new NotificationProperties(
                null, null, "node", null, null, null, null, List.of(Duration.ofSeconds(10), Duration.ofDays(2)));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void defaultsNeedNoConfiguration() {
        NotificationProperties defaults = new NotificationProperties(" ", "", "", null, null, null, null, List.of());

        assertThat(defaults.from()).isEqualTo("noreply@citydeal.example");
        assertThat(defaults.domain()).isEqualTo("citydeal.example");
        assertThat(defaults.programmeOfficeAddress()).isNull();
        assertThat(defaults.node()).isNotBlank();
        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.maxAttempts()).isEqualTo(10);
    }
}
