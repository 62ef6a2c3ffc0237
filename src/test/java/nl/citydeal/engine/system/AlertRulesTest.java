package nl.citydeal.engine.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The operator's kit in deploy/: the Prometheus alert rules pass {@code promtool check rules} and their unit tests
 * ({@code promtool test rules}), and the rules and the Grafana dashboard use only metrics this application exposes
 * at {@code /actuator/prometheus} (or {@code up}, which Prometheus records for every scrape). promtool comes with
 * Debian's {@code prometheus} package ({@code .ci/run} installs it); without it this test fails.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class AlertRulesTest {

    static final Path RULES = Path.of("deploy/prometheus/alerts.yaml");
    static final Path RULE_TESTS = Path.of("deploy/prometheus/alerts-test.yaml");
    static final Path DASHBOARD = Path.of("deploy/grafana/city-deal-engine.json");

    /** Series Prometheus itself records for every target: not on /actuator/prometheus. */
    static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    static final Set<String> PROMQL_WORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan");

    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Autowired
    MockMvc mvc;

    @Test
    void promtoolFindsTheAlertRulesValid() {
        String output = promtool("check", "rules", RULES.toString());
        assertThat(output).contains("SUCCESS").contains("rules found");
    }

    @Test
    void everyAlertFiresOnItsBadSeriesAndStaysSilentOnHealthyOnes() {
        String output = promtool("test", "rules", RULE_TESTS.toString());
        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasASeverityAndADutchSummaryAndDescriptionAndATest() throws IOException {
        String tests = Files.readString(RULE_TESTS);
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(labels(rule, "labels")).as(name).containsKey("severity");
            assertThat(labels(rule, "labels").get("severity")).as(name).isIn("critical", "warning");
            assertThat(labels(rule, "annotations")).as(name).containsKeys("summary", "description");
            assertThat(labels(rule, "annotations").get("description"))
                    .as(name + " in Dutch")
                    .containsAnyOf(" de ", " het ", " een ", " geen ");
            assertThat(tests).as(name + " is tested").contains("alertname: " + name + "\n");
        }
    }

    @Test
    void alertRulesUseOnlyMetricsTheApplicationExposes() throws Exception {
        Set<String> exposed = exposedMetrics();
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> rule : alertRules()) {
            used.addAll(metricNames((String) rule.get("expr")));
        }
        assertThat(used).contains("citydeal_outbox_backlog", "citydeal_ready", "citydeal_job_executor_active", "up");
        assertThat(exposed).as("metrics on /actuator/prometheus (and up)").containsAll(used);
    }

    @Test
    void dashboardIsGrafanaJsonWhosePanelsUseOnlyMetricsTheApplicationExposes() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
        assertThat(dashboard.path("uid").asText()).isEqualTo("city-deal-engine");
        assertThat(dashboard.path("templating").path("list").findValuesAsText("type"))
                .contains("datasource");

        Set<String> exposed = exposedMetrics();
        Set<String> used = new TreeSet<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        int graphs = 0;
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            graphs++;
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(title + " has queries").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = metricNames(target.path("expr").asText());
                assertThat(names)
                        .as(title + ": " + target.path("expr").asText())
                        .isNotEmpty();
                used.addAll(names);
            }
        }
        assertThat(graphs).isGreaterThanOrEqualTo(10);
        assertThat(used)
                .contains(
                        "citydeal_jobs_due",
                        "citydeal_jobs_failed",
                        "citydeal_prompts_due",
                        "citydeal_prompts_fired_total",
                        "citydeal_outbox_backlog",
                        "citydeal_outbox_failed",
                        "citydeal_mails_sent_total",
                        "citydeal_ready",
                        "citydeal_job_executor_active",
                        "http_server_requests_seconds_count",
                        "jvm_memory_used_bytes");
        assertThat(exposed).as("metrics on /actuator/prometheus (and up)").containsAll(used);
    }

    @Test
    void metricNamesAreReadFromPromqlWithoutFunctionsLabelsOrDurations() {
        assertThat(metricNames(
                        "max by (job) (x_total{job=\"a\", instance=~\"$instance\"}) - max by (job) (y offset 30m) > 0"
                                + " and sum by (uri) (rate(z_seconds_sum{a=\"b\"}[$__rate_interval])) == 0"
                                + " unless absent(up{job=\"a\"} == 1) and on(instance) group_left(enabled) w"))
                .containsExactlyInAnyOrder("x_total", "y", "z_seconds_sum", "up", "w");
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or strings. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
                .replaceAll("\\boffset\\s+\\S+", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?([smhdwy]|ms)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String word = matcher.group();
            boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Sample names on /actuator/prometheus, after one request so the HTTP metrics exist. */
    private Set<String> exposedMetrics() throws Exception {
        // a metric that appears after its first event: a request (http_server_requests_*). The dashboard keeps to
        // metrics registered at start for the rest (GC: jvm_gc_overhead, not jvm_gc_pause_*, which waits for a GC)
        mvc.perform(get("/actuator/health"));
        String scrape = mvc.perform(
                        get("/actuator/prometheus").with(user("alert-rules").roles("ADMINISTRATOR")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>(PROMETHEUS_SERIES);
        for (String line : scrape.lines().toList()) {
            Matcher name = IDENTIFIER.matcher(line);
            if (!line.startsWith("#") && name.lookingAt()) {
                names.add(name.group());
            }
        }
        assertThat(names).as("the scrape has the app's metrics").contains("citydeal_jobs_due");
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> rule, String key) {
        return (Map<String, String>) rule.getOrDefault(key, Map.of());
    }

    /** Runs promtool from the PATH and returns its output; fails the test when it is missing or reports an error. */
    private static String promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool is not installed (Debian: apt-get install prometheus; .ci/run does so): "
                    + e.getMessage());
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("promtool did not finish within 60 s: " + String.join(" ", command));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("%s exited with an error:%n%s", String.join(" ", command), output)
                    .isZero();
            return output;
        } catch (IOException e) {
            return fail("promtool's output could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for promtool");
        }
    }
}
