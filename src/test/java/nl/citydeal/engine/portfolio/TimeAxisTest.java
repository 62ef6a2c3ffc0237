package nl.citydeal.engine.portfolio;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeAxisTest {

    @Test
    void axisSpansWholeYearsOverAllDatesAndTodayAndPlacesDatesInPercent() {
        TimeAxis axis = TimeAxis.over(
                Arrays.asList(LocalDate.of(2021, 6, 1), null, LocalDate.of(2024, 3, 1)), LocalDate.of(2025, 7, 2));

        assertThat(axis.from()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(axis.to()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(axis.x(LocalDate.of(2021, 1, 1))).isEqualTo("0.000%");
        assertThat(axis.x(LocalDate.of(2026, 1, 1))).isEqualTo("100.000%");
        assertThat(axis.x(LocalDate.of(2030, 1, 1))).isEqualTo("100.000%");
        assertThat(axis.position(LocalDate.of(2023, 7, 2))).isBetween(49.9, 50.1);
        assertThat(axis.years())
                .extracting(TimeAxis.Tick::label)
                .containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(axis.width(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 1)))
                .isEqualTo("0.400%");
    }

    @Test
    void anEmptyAxisSpansTodaysYear() {
        TimeAxis axis = TimeAxis.over(List.of(), LocalDate.of(2026, 11, 28));
        assertThat(axis.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(axis.to()).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
