package nl.citydeal.engine.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of request: median and 95th percentile (nearest rank). */
record Latencies(List<Duration> sorted) {

    Latencies {
        List<Duration> copy = new ArrayList<>(sorted);
        Collections.sort(copy);
        sorted = List.copyOf(copy);
    }

    Duration percentile(int p) {
        if (sorted.isEmpty()) {
            throw new IllegalStateException("No latencies measured");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    Duration median() {
        return percentile(50);
    }

    Duration p95() {
        return percentile(95);
    }
}
