package nl.citydeal.engine.bench;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOfTheSortedLatencies() {
        List<Duration> shuffled = IntStream.of(7, 3, 10, 1, 5, 9, 2, 8, 4, 6)
                .mapToObj(Duration::ofMillis)
                .toList();

        Latencies latencies = new Latencies(shuffled);

        assertThat(latencies.median()).isEqualTo(Duration.ofMillis(5));
        assertThat(latencies.p95()).isEqualTo(Duration.ofMillis(10));
        assertThat(latencies.percentile(90)).isEqualTo(Duration.ofMillis(9));
    }
}
