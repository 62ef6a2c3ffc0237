package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDealsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    @Test
    void aRunningDealSignedLongAgoWasTakenInThreeYearsAgo() {
        assertThat(DemoDeals.takenInOn(LocalDate.of(2021, 6, 1), LocalDate.of(2027, 6, 1), TODAY))
                .isEqualTo(LocalDate.of(2023, 12, 3).atTime(9, 0).atZone(DUTCH).toInstant());
    }

    @Test
    void aRunningDealSignedRecentlyWasTakenInOnItsSigningDay() {
        assertThat(DemoDeals.takenInOn(LocalDate.of(2025, 3, 10), LocalDate.of(2028, 3, 10), TODAY))
                .isEqualTo(LocalDate.of(2025, 3, 10).atTime(9, 0).atZone(DUTCH).toInstant());
    }

    @Test
    void aDealWhoseTermEndedWasTakenInWaitingForItsScalingDecision() {
        assertThat(DemoDeals.takenInOn(LocalDate.of(2021, 6, 1), LocalDate.of(2025, 6, 1), TODAY))
                .isEqualTo(LocalDate.of(2025, 6, 2).atTime(9, 0).atZone(DUTCH).toInstant());
    }
}
