package nl.citydeal.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The benchmark's results per database, as a Markdown table with the machine they ran on. */
final class BenchmarkReport {

    static final List<String> DATABASES = List.of("H2", "PostgreSQL");
    static final double OVERHEAD_TARGET = 1.5;
    /** Issue #21: registering a deal at most 1.3x the bare engine on PostgreSQL, 1.5x on H2. */
    static final Map<String, Double> REGISTRATION_TARGET = Map.of("H2", 1.5, "PostgreSQL", 1.3);

    private final int deals;
    private final Map<String, Map<Metric, Object>> results = new LinkedHashMap<>();
    /** The query rows of the {@code queries} scenario: per database, per number of deals. */
    private final Map<String, Map<Integer, Map<Metric, Latencies>>> atScale = new LinkedHashMap<>();

    BenchmarkReport(int deals) {
        this.deals = deals;
    }

    void add(String database, Metric metric, Object value) {
        results.computeIfAbsent(database, db -> new LinkedHashMap<>()).put(metric, value);
        System.out.printf("%s | %s | %s%n", database, metric.label, format(metric, value));
    }

    void addAtScale(String database, int deals, Metric metric, Latencies value) {
        atScale.computeIfAbsent(database, db -> new java.util.TreeMap<>())
                .computeIfAbsent(deals, n -> new LinkedHashMap<>())
                .put(metric, value);
        System.out.printf(
                Locale.ROOT, "%s | %,d deals | %s | %s%n", database, deals, metric.label, format(metric, value));
    }

    /** The query rows by number of deals (the scale curve), or nothing when the scenario did not run. */
    String scaleTable() {
        if (atScale.isEmpty()) {
            return "";
        }
        List<Integer> scales = atScale.values().stream()
                .flatMap(perScale -> perScale.keySet().stream())
                .distinct()
                .sorted()
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Query rows by number of deals in preparation (each with one open task), p50 · p95:");
        lines.add("");
        lines.add("| Measure | Database | "
                + String.join(
                        " | ",
                        scales.stream()
                                .map(n -> String.format(Locale.ROOT, "%,d deals", n))
                                .toList())
                + " |");
        lines.add("|---|---|" + "---|".repeat(scales.size()));
        for (Metric metric : Metric.values()) {
            for (Map.Entry<String, Map<Integer, Map<Metric, Latencies>>> db : atScale.entrySet()) {
                if (db.getValue().values().stream().noneMatch(values -> values.containsKey(metric))) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int n : scales) {
                    Latencies value = db.getValue().getOrDefault(n, Map.of()).get(metric);
                    cells.add(value == null ? "–" : format(metric, value));
                }
                lines.add("| %s | %s | %s |".formatted(metric.label, db.getKey(), String.join(" | ", cells)));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    String table() {
        List<String> lines = new ArrayList<>();
        lines.add("| Measure | " + String.join(" | ", DATABASES) + " | Target |");
        lines.add("|---|" + "---|".repeat(DATABASES.size()) + "---|");
        for (Metric metric : Metric.values()) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (String db : DATABASES) {
                Object value = results.getOrDefault(db, Map.of()).get(metric);
                any |= value != null;
                cells.add(value == null ? "–" : format(metric, value) + verdict(metric, value, db));
            }
            if (any) {
                lines.add("| %s | %s | %s |"
                        .formatted(
                                metric.label, String.join(" | ", cells), metric.target == null ? "" : metric.target));
            }
            if (metric == Metric.FIRE_ONE_NODE && any) {
                lines.add(durationRatio(
                        "Overhead over the bare engine: due prompts, one node (time)",
                        Metric.FIRE_BARE,
                        Metric.FIRE_ONE_NODE));
            }
            if (metric == Metric.COMPLETE_SERVICE && any) {
                lines.add(overhead(
                        "Overhead over the bare engine: completing a task (time per task)",
                        Metric.COMPLETE_BARE,
                        Metric.COMPLETE_SERVICE,
                        Map.of()));
            }
            if (metric == Metric.REGISTER_REST && any) {
                lines.add(overhead(
                        "Overhead over the bare engine: service (time per deal)",
                        Metric.REGISTER_BARE,
                        Metric.REGISTER_SERVICE,
                        REGISTRATION_TARGET));
                lines.add(overhead(
                        "Overhead over the bare engine: REST API (time per deal)",
                        Metric.REGISTER_BARE,
                        Metric.REGISTER_REST,
                        REGISTRATION_TARGET));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The time per item of {@code app} over the bare engine's; the target per database, else {@link #OVERHEAD_TARGET}. */
    private String overhead(String label, Metric baseline, Metric app, Map<String, Double> targets) {
        List<String> cells = new ArrayList<>();
        for (String db : DATABASES) {
            Map<Metric, Object> values = results.getOrDefault(db, Map.of());
            if (values.get(baseline) instanceof Double bare && values.get(app) instanceof Double rate) {
                double ratio = bare / rate;
                cells.add("%.2fx %s".formatted(ratio, ratio <= targets.getOrDefault(db, OVERHEAD_TARGET) ? "✓" : "✗"));
            } else {
                cells.add("–");
            }
        }
        String target = targets.isEmpty()
                ? "≤ %.1fx".formatted(OVERHEAD_TARGET)
                : DATABASES.stream()
                        .map(db -> "≤ %.1fx (%s)".formatted(targets.getOrDefault(db, OVERHEAD_TARGET), db))
                        .collect(java.util.stream.Collectors.joining(", "));
        return "| %s | %s | %s |".formatted(label, String.join(" | ", cells), target);
    }

    /** The time of {@code app} over the time of {@code baseline} (durations: longer is slower). */
    private String durationRatio(String label, Metric baseline, Metric app) {
        List<String> cells = new ArrayList<>();
        for (String db : DATABASES) {
            Map<Metric, Object> values = results.getOrDefault(db, Map.of());
            if (values.get(baseline) instanceof Duration bare && values.get(app) instanceof Duration ours) {
                double ratio = (double) ours.toNanos() / bare.toNanos();
                cells.add("%.2fx %s".formatted(ratio, ratio <= OVERHEAD_TARGET ? "✓" : "✗"));
            } else {
                cells.add("–");
            }
        }
        return "| %s | %s | ≤ %.1fx |".formatted(label, String.join(" | ", cells), OVERHEAD_TARGET);
    }

    private String verdict(Metric metric, Object value, String db) {
        return switch (metric.kind) {
            case LATENCY -> ((Latencies) value).p95().compareTo(Duration.ofMillis(100)) < 0 ? " ✓" : " ✗";
            case DURATION ->
                switch (metric) {
                    case FIRE_ONE_NODE -> ((Duration) value).compareTo(Duration.ofMinutes(2)) <= 0 ? " ✓" : " ✗";
                    case FIRE_TWO_NODES ->
                        results.get(db).get(Metric.FIRE_ONE_NODE) instanceof Duration one
                                ? (((Duration) value).compareTo(one) < 0 ? " ✓" : " ✗")
                                : "";
                    default -> "";
                };
            default -> "";
        };
    }

    static String format(Metric metric, Object value) {
        return switch (metric.kind) {
            case RATE -> String.format(Locale.ROOT, "%,.0f/s", (Double) value);
            case COUNT -> String.format(Locale.ROOT, "%.1f", (Double) value);
            case LATENCY ->
                "p50 %s · p95 %s".formatted(millis(((Latencies) value).median()), millis(((Latencies) value).p95()));
            case DURATION -> seconds((Duration) value);
            case BYTES -> String.format(Locale.ROOT, "%,d MB", (Long) value / (1024 * 1024));
        };
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    /** The table, with when, how and on what it ran. */
    void write(Path file) throws IOException {
        String text = """
                # Benchmark results

                - Run: %s, `./mvnw -Pbench verify -Dbench.deals=%d -Dbench.databases=%s -Dbench.scenarios=%s -Dbench.scale=%s`
                - Deals: %,d per measurement (after %d warm-up deals); latencies over %d requests after %d warm-up requests, one client
                - Machine: %s
                - Java: %s %s, heap at most %,d MB (the benchmark's JVM); nodes of the prompt run on PostgreSQL: separate JVMs with `%s`

                %s""".formatted(
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                deals,
                String.join(",", CityDealBenchmark.DATABASES),
                String.join(",", CityDealBenchmark.SCENARIOS),
                CityDealBenchmark.SCALE.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                deals,
                CityDealBenchmark.WARM_UP_DEALS,
                CityDealBenchmark.MEASURED_REQUESTS,
                CityDealBenchmark.WARM_UP_REQUESTS,
                machine(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                String.join(" ", CityDealBenchmark.NODE_JVM_OPTIONS),
                table() + scaleTable());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        System.out.println(text);
        System.out.println("Written to " + file.toAbsolutePath());
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU stays unknown
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%d cores (%s), %,d GiB memory, %s %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        memory / (1024L * 1024 * 1024),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"));
    }
}
