package nl.citydeal.engine.portfolio;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.portfolio.BarChart.Orientation;
import nl.citydeal.engine.portfolio.BarChart.Segment;
import nl.citydeal.engine.portfolio.BarChart.Series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The geometry of the server-rendered bar charts: scale, gridlines, stacked segments, labels. */
class BarChartTest {

    static final Series A = new Series("A", "series-a");
    static final Series B = new Series("B", "series-b");

    @Test
    void theScaleEndsAtTheFirstRoundStepAboveTheHighestBarWithAtMostFiveGridlines() {
        assertThat(chart(List.of(3L, 7L)).step()).isEqualTo(2);
        assertThat(chart(List.of(3L, 7L)).scaleMax()).isEqualTo(8);
        assertThat(chart(List.of(3L, 4L)).step()).isEqualTo(1);
        assertThat(chart(List.of(3L, 4L)).scaleMax()).isEqualTo(4);
        assertThat(chart(List.of(23L, 0L)).step()).isEqualTo(5);
        assertThat(chart(List.of(23L, 0L)).scaleMax()).isEqualTo(25);
        assertThat(chart(List.of(480L)).step()).isEqualTo(100);
        assertThat(chart(List.of(480L)).scaleMax()).isEqualTo(500);
        assertThat(chart(List.of(480L)).ticks())
                .extracting(BarChart.Tick::value)
                .containsExactly(0L, 100L, 200L, 300L, 400L, 500L);
    }

    @Test
    void aFixedMaximumKeepsTheScaleAtAHundredPercentAndWritesTheUnit() {
        BarChart shares =
                BarChart.single(Orientation.VERTICAL, List.of("2024", "2025"), A, List.of(50L, 0L), 100L, " %");
        assertThat(shares.scaleMax()).isEqualTo(100);
        assertThat(shares.step()).isEqualTo(20);
        assertThat(shares.ticks()).last().extracting(BarChart.Tick::text).isEqualTo("100 %");
        Segment half = shares.segments().get(0);
        double plot = BarChart.VERTICAL_HEIGHT - BarChart.VERTICAL_TOP - BarChart.VERTICAL_BOTTOM;
        assertThat(half.height()).isCloseTo(plot / 2, within(0.1));
        assertThat(half.title()).isEqualTo("2024: 50 %");
        assertThat(shares.labels().get(1).total()).isEmpty();
    }

    @Test
    void stackedSegmentsStartAtTheBottomAndSitOnEachOtherLeavingOutZeros() {
        BarChart stacked = new BarChart(
                Orientation.VERTICAL,
                List.of("K1\n2026", "K2\n2026"),
                List.of(A, B),
                List.of(List.of(2L, 2L), List.of(0L, 1L)),
                null,
                "");
        List<Segment> segments = stacked.segments();
        assertThat(segments).extracting(Segment::value).containsExactly(2L, 2L, 1L);
        Segment first = segments.get(0);
        Segment second = segments.get(1);
        double bottom = BarChart.VERTICAL_HEIGHT - BarChart.VERTICAL_BOTTOM;
        assertThat(first.y() + first.height()).isCloseTo(bottom, within(0.1));
        assertThat(second.y() + second.height()).isCloseTo(first.y(), within(0.1));
        assertThat(second.x()).isEqualTo(first.x());
        assertThat(first.title()).isEqualTo("K1\n2026, A: 2");
        assertThat(stacked.labels().get(0).lines()).containsExactly("K1", "2026");
        assertThat(stacked.labels().get(0).total()).isEqualTo("4");
        assertThat(stacked.category(0)).isEqualTo("K1 2026");
        // the higher bar reaches the top of the scale (4 on a scale of 4)
        assertThat(first.y() - second.height()).isCloseTo(BarChart.VERTICAL_TOP, within(0.1));
    }

    @Test
    void horizontalBarsGrowFromTheLabelColumnAndTheChartGrowsWithItsCategories() {
        BarChart routes = BarChart.single(
                Orientation.HORIZONTAL,
                List.of("Kennisnetwerk", "Stoppen", "Verlenging"),
                A,
                List.of(4L, 2L, 0L),
                null,
                "");
        assertThat(routes.height()).isEqualTo(8 + 3 * 28 + 28);
        assertThat(routes.viewBox()).isEqualTo("0 0 720 120");
        List<Segment> segments = routes.segments();
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).x()).isEqualTo(BarChart.HORIZONTAL_LEFT);
        assertThat(segments.get(0).width()).isCloseTo(2 * segments.get(1).width(), within(0.2));
        assertThat(segments.get(1).y()).isGreaterThan(segments.get(0).y());
    }

    @Test
    void aChartWithoutValuesIsEmptyAndStillHasAScale() {
        BarChart none = chart(List.of(0L, 0L));
        assertThat(none.empty()).isTrue();
        assertThat(none.scaleMax()).isEqualTo(1);
        assertThat(none.segments()).isEmpty();
        assertThat(chart(List.of()).empty()).isTrue();
    }

    @Test
    void valuesMustBeCountsWithOneValuePerSeries() {
        assertThatThrownBy(() -> chart(List.of(-1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new BarChart(Orientation.VERTICAL, List.of("x"), List.of(A, B), List.of(List.of(1L)), null, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coordinatesAreWrittenWithoutANeedlessDecimal() {
        assertThat(BarChart.number(720.0)).isEqualTo("720");
        assertThat(BarChart.number(12.345)).isEqualTo("12.3");
    }

    private static BarChart chart(List<Long> values) {
        return BarChart.single(
                Orientation.VERTICAL, values.stream().map(v -> "c" + v).toList(), A, values, null, "");
    }
}
