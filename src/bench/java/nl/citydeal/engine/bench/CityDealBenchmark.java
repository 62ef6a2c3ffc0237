package nl.citydeal.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.postgres.AppNode;
import nl.citydeal.engine.postgres.TestPostgres;
import nl.citydeal.engine.processengine.CityDealProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the application runs a portfolio, on H2 and on PostgreSQL: registering deals (service, REST API, and
 * the bare engine for comparison), the portfolio's queries at that many running deals, due prompts fired and
 * queued for mail with one and two nodes, heap and start-up. Runs with {@code ./mvnw -Pbench verify} (never in
 * the normal build); {@code -Dbench.deals=...} sets the number of deals (10,000 by default), {@code
 * -Dbench.databases=h2} or {@code postgres} runs on one database only. The table is printed
 * and written to {@code target/benchmarks/results.md}; {@code docs/benchmarks.md} keeps the reference run.
 * <p>
 * Every run is checked for being right (all deals registered, every due prompt fired once with its mail), never
 * for being fast: the targets are reported, not asserted.
 */
class CityDealBenchmark {

    static final int DEALS = Integer.getInteger("bench.deals", 10_000);
    static final int WARM_UP_DEALS = Math.min(200, DEALS / 10);
    static final int WARM_UP_REQUESTS = 30;
    static final int MEASURED_REQUESTS = 200;
    /**
     * The JVM options of the prompt run's nodes on PostgreSQL; {@code -Dbench.nodeJvmArgs=...} adds to them (a
     * profiler, for instance; {@code %n} in it becomes the node's name).
     */
    static final List<String> NODE_JVM_OPTIONS = Stream.concat(
                    Stream.of("-Xmx1g"),
                    Stream.of(System.getProperty("bench.nodeJvmArgs", "")
                                    .strip()
                                    .split("\\s+"))
                            .filter(option -> !option.isEmpty()))
            .toList();
    /** {@code -Dbench.scenarios=prompts} (or {@code registration}) runs only the prompt run (or the rest). */
    static final List<String> SCENARIOS = List.of(
            System.getProperty("bench.scenarios", "registration,prompts").split(","));
    /**
     * {@code -Dbench.scale=1000,10000,50000}: the {@code queries} scenario measures the query rows at each of these
     * numbers of deals, on one database it fills step by step ({@link #DEALS} when not set).
     */
    static final List<Integer> SCALE = java.util.Arrays.stream(
                    System.getProperty("bench.scale", Integer.toString(DEALS)).split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .sorted()
            .toList();
    /** {@code -Dbench.databases=postgres} (or {@code h2}) runs one of the two. */
    static final List<String> DATABASES =
            List.of(System.getProperty("bench.databases", "h2,postgres").split(","));

    final BenchmarkReport report = new BenchmarkReport(DEALS);

    @Test
    void portfolioOfTenThousandDealsOnH2AndPostgres() throws Exception {
        if (DATABASES.contains("h2")) {
            run(new BenchDatabase.H2(Path.of("target", "bench", "h2")));
        }
        if (DATABASES.contains("postgres")) {
            run(new BenchDatabase.Postgres(TestPostgres.shared()));
        }
        report.write(Path.of("target", "benchmarks", "results.md"));
    }

    private void run(BenchDatabase database) throws Exception {
        String db = database.label();
        System.out.printf("%n=== %s: %,d deals ===%n", db, DEALS);

        if (SCENARIOS.contains("registration")) {
            registrationAndQueries(database);
        }
        if (SCENARIOS.contains("tasks")) {
            completingTasks(database);
        }
        if (SCENARIOS.contains("queries")) {
            queriesAtScale(database);
        }
        if (SCENARIOS.contains("prompts")) {
            prompts(database);
        }
    }

    /**
     * Completing a deal's first task (screening a participant: the form's five fields, no further participant), one
     * after another, each in its own transaction: through the application's task service as the deal lead (form
     * check, our task listeners, the dossier entry) and on the bare engine with the same model and variables. The
     * tasks are looked up before the clock starts; {@link #WARM_UP_DEALS} are completed untimed first.
     */
    private void completingTasks(BenchDatabase database) throws Exception {
        String db = database.label();
        int deals = WARM_UP_DEALS + DEALS;
        String bareUrl = database.create("bare_tasks");
        try (BareEngine bare =
                new BareEngine("bare-tasks-" + db.toLowerCase(), bareUrl, database.user(), database.password())) {
            for (int i = 0; i < deals; i++) {
                bare.startDeal("bare-" + i, Deals.name("Kaal", i), InProcessApp.DEAL_LEAD);
            }
            List<String> tasks = bare.openTasks("bare-");
            assertThat(tasks).hasSize(deals);
            java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
            completeTimed(
                    database,
                    bareUrl,
                    Metric.COMPLETE_BARE,
                    Metric.STATEMENTS_COMPLETE_BARE,
                    tasks,
                    task -> bare.complete(task, Deals.screening(completed.getAndIncrement()), InProcessApp.DEAL_LEAD));
            assertThat(bare.openTasks("bare-")).hasSize(deals);
        }

        String url = database.create("service_tasks");
        try (InProcessApp app = InProcessApp.start(database, url, false)) {
            DealRegistry registry = app.bean(DealRegistry.class);
            List<String> dealIds = new ArrayList<>();
            for (int i = 0; i < deals; i++) {
                dealIds.add(registry.register(Deals.newDeal("Taak", i, InProcessApp.DEAL_LEAD), InProcessApp.OFFICE)
                        .getId());
            }
            org.camunda.bpm.engine.TaskService taskService = app.bean(org.camunda.bpm.engine.TaskService.class);
            org.camunda.bpm.engine.IdentityService identity = app.bean(org.camunda.bpm.engine.IdentityService.class);
            List<String> tasks = taskService
                    .createTaskQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .taskDefinitionKey("UserTask_ScreenParticipant")
                    .list()
                    .stream()
                    .map(org.camunda.bpm.engine.task.Task::getId)
                    .toList();
            assertThat(tasks).hasSize(deals);
            List<String> groups = List.of(nl.citydeal.engine.identity.Role.DEAL_LEAD.groupId());
            java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
            completeTimed(database, url, Metric.COMPLETE_SERVICE, Metric.STATEMENTS_COMPLETE_SERVICE, tasks, task -> {
                identity.setAuthentication(InProcessApp.DEAL_LEAD, groups);
                try {
                    taskService.complete(task, Deals.screening(completed.getAndIncrement()));
                } finally {
                    identity.clearAuthentication();
                }
            });
            assertThat(taskService
                            .createTaskQuery()
                            .processDefinitionKey(CityDealProcess.KEY)
                            .taskDefinitionKey("UserTask_ScreenParticipant")
                            .count())
                    .isZero();
            searchTheDossier(database.label(), app, deals);
        }
    }

    /**
     * The overview's search at that many deals, each with a dossier entry (the screening): a word only one deal's
     * answer holds (another deal each request), and a word every deal's holds (the search stops at its first
     * {@code Portfolio.MAX_MATCHES}), each checked for finding what it should.
     */
    private void searchTheDossier(String db, InProcessApp app, int deals) throws Exception {
        app.logIn();
        assertThat(app.page("/?q=" + Deals.ownWord(deals / 2)).body())
                .as("the search finds the one deal of the word")
                .contains("Deals 1–1 van 1<");
        assertThat(app.page("/?q=" + Deals.COMMON_WORD).body())
                .as("the search stops at its first matches")
                .contains("Deals 1–50 van 1000<", "alleen de eerste 1000 zijn geselecteerd");
        report.add(db, Metric.SEARCH_OWN_WORD, measure(i -> app.page("/?q=" + Deals.ownWord((i * 7919) % deals))));
        report.add(db, Metric.SEARCH_COMMON_WORD, measure(i -> app.page("/?q=" + Deals.COMMON_WORD)));
    }

    private void completeTimed(
            BenchDatabase database,
            String url,
            Metric rate,
            Metric statementsMetric,
            List<String> tasks,
            java.util.function.Consumer<String> complete) {
        String db = database.label();
        for (String task : tasks.subList(0, WARM_UP_DEALS)) {
            complete.accept(task);
        }
        List<String> timed = tasks.subList(WARM_UP_DEALS, tasks.size());
        Map<Long, TestPostgres.StatementStats> statsBefore = statementStats(database, url);
        long start = System.nanoTime();
        timed.forEach(complete);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report.add(db, rate, timed.size() / seconds(took));
        reportStatements(database, url, statsBefore, statementsMetric, timed.size(), rate + ", tasks");
        System.out.printf("%s %s: %,d tasks completed in %s%n", db, rate, timed.size(), took);
    }

    /**
     * The query rows at each number of deals of {@link #SCALE}: deals in preparation registered through the service
     * (untimed) up to the next number, then the queries; at the last one the plans of the Tasklist filter's
     * statements ({@link QueryPlans}) go to {@code target/benchmarks/tasklist-plans-<database>.md}.
     */
    private void queriesAtScale(BenchDatabase database) throws Exception {
        String db = database.label();
        String url = database.create("queries");
        try (InProcessApp app = InProcessApp.start(database, url, false)) {
            DealRegistry registry = app.bean(DealRegistry.class);
            List<String> dealIds = new ArrayList<>();
            int registered = 0;
            for (int scale : SCALE) {
                for (; registered < scale; registered++) {
                    Deal deal = registry.register(
                            Deals.newDeal("Schaal", registered, InProcessApp.DEAL_LEAD), InProcessApp.OFFICE);
                    if (registered % 50 == 0) {
                        dealIds.add(deal.getId());
                    }
                }
                System.out.printf("%s: %,d deals registered, measuring the queries%n", db, registered);
                queries(app, dealIds, (metric, latencies) -> report.addAtScale(db, scale, metric, latencies));
            }
            String filter = tasklistFilter(app);
            List<QueryPlans.Statement> statements = QueryPlans.capture(() -> tasklist(app, filter, 1));
            QueryPlans.write(
                    Path.of("target", "benchmarks", "tasklist-plans-" + db.toLowerCase() + ".md"),
                    "Tasklist filter \"Alle open taken\" on %s at %,d deals: the engine's statements and their plans"
                            .formatted(db, registered),
                    QueryPlans.explain(
                            app.bean(javax.sql.DataSource.class),
                            database instanceof BenchDatabase.Postgres,
                            statements));
        }
    }

    private void registrationAndQueries(BenchDatabase database) throws Exception {
        String db = database.label();
        // the bare engine: the same model started with no application code
        String bareUrl = database.create("bare");
        try (BareEngine bare =
                new BareEngine("bare-" + db.toLowerCase(), bareUrl, database.user(), database.password())) {
            registerTimed(
                    database,
                    bareUrl,
                    "bare",
                    i -> bare.startDeal("bare-" + i, Deals.name("Kaal", i), InProcessApp.DEAL_LEAD));
            assertThat(bare.runningInstances()).isEqualTo(DEALS + WARM_UP_DEALS);
        }

        // the application's service layer, then the portfolio's queries and the heap at that many deals
        List<String> dealIds = new ArrayList<>();
        String serviceUrl = database.create("service");
        try (InProcessApp app = InProcessApp.start(database, serviceUrl, false)) {
            report.add(db, Metric.STARTUP_EMPTY, app.startup);
            DealRegistry registry = app.bean(DealRegistry.class);
            registerTimed(database, serviceUrl, "service", i -> {
                Deal deal = registry.register(Deals.newDeal("Dienst", i, InProcessApp.DEAL_LEAD), InProcessApp.OFFICE);
                if (i % 50 == 0) {
                    dealIds.add(deal.getId());
                }
            });
            assertThat(registry.count()).isEqualTo(DEALS + WARM_UP_DEALS);
            queries(app, dealIds, (metric, latencies) -> report.add(db, metric, latencies));
            report.add(db, Metric.HEAP, usedHeapAfterGc());
        }

        // the REST API, on a database of its own
        String restUrl = database.create("rest");
        try (InProcessApp app = InProcessApp.start(database, restUrl, false)) {
            registerTimed(
                    database, restUrl, "rest", i -> post(app, Deals.newDealJson("Rest", i, InProcessApp.DEAL_LEAD)));
            assertThat(app.bean(DealRegistry.class).count()).isEqualTo(DEALS + WARM_UP_DEALS);
        }
    }

    private void prompts(BenchDatabase database) throws Exception {
        // running deals with a prompt due, held back (suspended) until the nodes are up
        String prepared = database.create("prompts");
        Map<String, Object> variables;
        try (InProcessApp app = InProcessApp.start(database, prepared, false)) {
            DealRegistry registry = app.bean(DealRegistry.class);
            LocalDate today = LocalDate.now(app.bean(Clock.class));
            String instance = null;
            for (int i = 0; i < DEALS; i++) {
                Deal deal = registry.register(
                        Deals.runningDeal("Lopend", i, InProcessApp.DEAL_LEAD, today), InProcessApp.OFFICE);
                if (instance == null) {
                    instance = app.bean(org.camunda.bpm.engine.RuntimeService.class)
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(deal.getReference())
                            .singleResult()
                            .getId();
                }
            }
            variables = new java.util.HashMap<>(
                    app.bean(org.camunda.bpm.engine.RuntimeService.class).getVariables(instance));
            app.bean(ManagementService.class)
                    .updateJobSuspensionState()
                    .byProcessDefinitionKey(CityDealProcess.KEY)
                    .suspend();
        }
        firePromptsOnTheBareEngine(database, variables);
        firePrompts(database, prepared, 1);
        if (database instanceof BenchDatabase.Postgres) {
            firePrompts(database, prepared, 2);
        }
    }

    /**
     * Registers {@link #WARM_UP_DEALS} untimed, then {@link #DEALS} timed; on PostgreSQL also counts the SQL
     * statements the timed ones ran.
     */
    private void registerTimed(BenchDatabase database, String url, String path, IntConsumer register) {
        String db = database.label();
        for (int i = 0; i < WARM_UP_DEALS; i++) {
            register.accept(DEALS + i);
        }
        Map<Long, TestPostgres.StatementStats> statsBefore = statementStats(database, url);
        long start = System.nanoTime();
        for (int i = 0; i < DEALS; i++) {
            register.accept(i);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report.add(db, Metric.valueOf("REGISTER_" + path.toUpperCase()), DEALS / seconds(took));
        reportStatements(
                database,
                url,
                statsBefore,
                Metric.valueOf("STATEMENTS_" + path.toUpperCase()),
                DEALS,
                "registering through " + path + ", deals");
        System.out.printf("%s %s: %,d deals in %s%n", db, path, DEALS, took);
    }

    /** What has run in the database so far, per statement (PostgreSQL; nothing on H2). */
    private static Map<Long, TestPostgres.StatementStats> statementStats(BenchDatabase database, String url) {
        return database instanceof BenchDatabase.Postgres postgres
                ? postgres.server().statementStats(url)
                : Map.of();
    }

    /**
     * On PostgreSQL: the statements per step that ran since {@code before}, as the metric, and the list of them by
     * server time ({@code what}: the measurement and what a step is, for the heading).
     */
    private void reportStatements(
            BenchDatabase database,
            String url,
            Map<Long, TestPostgres.StatementStats> before,
            Metric metric,
            int steps,
            String what) {
        if (!(database instanceof BenchDatabase.Postgres)) {
            return;
        }
        Map<Long, TestPostgres.StatementStats> after = statementStats(database, url);
        report.add(database.label(), metric, (double) TestPostgres.callsBetween(before, after) / steps);
        System.out.printf(
                "Statements of %s by time in the server (%,d):%n%s%n",
                what, steps, String.join("\n", TestPostgres.costliestBetween(before, after, 40)));
    }

    private static void post(InProcessApp app, String json) {
        try {
            app.api("POST", "/api/deals", "application/json", "application/json", json, 201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void queries(
            InProcessApp app, List<String> dealIds, java.util.function.BiConsumer<Metric, Latencies> results)
            throws Exception {
        String filter = tasklistFilter(app);
        app.logIn();
        results.accept(
                Metric.QUERY_DEALS,
                measure(i -> app.api(
                        "GET",
                        "/api/deals?phase=PREPARATION&theme=Energietransitie&page=%d&size=20&sort=name"
                                .formatted(i % 50),
                        null,
                        "application/json",
                        null,
                        200)));
        results.accept(
                Metric.QUERY_PORTFOLIO,
                measure(i -> app.api("GET", "/api/portfolio", null, "application/json", null, 200)));
        results.accept(Metric.PAGE_OVERVIEW, measure(i -> app.page("/")));
        results.accept(Metric.PAGE_DEAL, measure(i -> app.page("/deals/" + dealIds.get(i % dealIds.size()))));
        results.accept(Metric.QUERY_TASKLIST, measure(i -> tasklist(app, filter, i)));
    }

    private static String tasklistFilter(InProcessApp app) {
        return app.bean(FilterService.class)
                .createFilterQuery()
                .filterName("Alle open taken")
                .singleResult()
                .getId();
    }

    /** A page of 15 tasks of the filter, with its variables, as Tasklist asks it. */
    private static void tasklist(InProcessApp app, String filter, int i) throws Exception {
        app.api(
                "POST",
                "/engine-rest/filter/%s/list?firstResult=%d&maxResults=15".formatted(filter, (i % 20) * 15),
                "application/json",
                "application/hal+json",
                "{}",
                200);
    }

    interface Request {
        void send(int i) throws Exception;
    }

    private static Latencies measure(Request request) throws Exception {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            request.send(i);
        }
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < MEASURED_REQUESTS; i++) {
            long start = System.nanoTime();
            request.send(i);
            latencies.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return new Latencies(latencies);
    }

    /**
     * The same number of running deals on the bare engine, each started with the variables of a running deal of the
     * application (its due dates among them: the ownership conversation's prompt due), on a database of its own with
     * the job executor held back; then the job executor starts (set up as the application's, in the benchmark's JVM)
     * and the time runs until every ownership prompt's timer has fired and its (emptied) service task has run. The
     * bare engine has the application's indexes on the engine's tables ({@link BareEngine}), the job table's due-date
     * index among them on PostgreSQL.
     */
    private void firePromptsOnTheBareEngine(BenchDatabase database, Map<String, Object> variables) throws Exception {
        String db = database.label();
        String url = database.create("bare_prompts");
        try (BareEngine bare =
                new BareEngine("bare-prompts-" + db.toLowerCase(), url, database.user(), database.password(), true)) {
            for (int i = 0; i < DEALS; i++) {
                Map<String, Object> deal = new java.util.HashMap<>(variables);
                deal.put(CityDealProcess.Variable.DEAL_NAME, Deals.name("Kaal lopend", i));
                bare.start("bare-running-" + i, deal);
            }
            try (Connection sql = database.connect(url)) {
                System.out.println("Timers due on the bare engine: " + dueTimers(sql));
                assertThat(dueTimers(sql).get(OWNERSHIP_PROMPT_DUE))
                        .as("prompts due on the bare engine")
                        .isEqualTo(DEALS);
            }
            long start = System.nanoTime();
            bare.startJobExecutor();
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> bare.finished(RAISE_OWNERSHIP_PROMPT) >= DEALS && noTimerDue(database, url));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            report.add(db, Metric.FIRE_BARE, took);
            System.out.printf("%s: the due timers of %,d deals fired by the bare engine in %s%n", db, DEALS, took);
            assertThat(bare.finished(RAISE_OWNERSHIP_PROMPT)).isEqualTo(DEALS);
        }
    }

    static final String RAISE_OWNERSHIP_PROMPT = "ServiceTask_RaiseOwnershipPrompt";
    static final String OWNERSHIP_PROMPT_DUE = "BoundaryEvent_OwnershipPromptDue";

    private static boolean noTimerDue(BenchDatabase database, String url) throws SQLException {
        try (Connection sql = database.connect(url)) {
            return count(sql, "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?", now()) == 0;
        }
    }

    /**
     * Copies the prepared database, starts the nodes (their job executors on), lets the held-back prompts go and
     * waits until every one has fired and its mail is in the outbox.
     */
    private void firePrompts(BenchDatabase database, String prepared, int nodes) throws Exception {
        String db = database.label();
        String url = database.copy(prepared, "fire" + nodes);
        try (Connection sql = database.connect(url)) {
            // the prompts due: one ownership conversation per deal, and an imported deal's answerability review
            // when its date has passed (both prompts, each with its mail; the bare engine fires the same timers)
            long due = count(sql, "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?", now());
            assertThat(dueTimers(sql).get(OWNERSHIP_PROMPT_DUE))
                    .as("ownership prompts due")
                    .isEqualTo(DEALS);
            long firedBefore = count(sql, "select count(*) from prompt where fired_at is not null");
            long mailsBefore = count(sql, "select count(*) from notification where kind = 'PROMPT'");
            System.out.println("Timers due in the application: " + dueTimers(sql));

            List<AutoCloseable> running = new ArrayList<>();
            try {
                long startingAt = System.nanoTime();
                Runnable activate;
                if (database instanceof BenchDatabase.Postgres) {
                    List<AppNode> started = new ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        AppNode node = AppNode.start(
                                "node-" + (char) ('a' + n),
                                url,
                                Map.of(
                                        "camunda.bpm.job-execution.wait-time-in-millis", "500",
                                        "camunda.bpm.job-execution.max-wait", "1000",
                                        "citydeal.scheduling.enabled", "false"),
                                nodeJvmOptions("node-" + (char) ('a' + n)));
                        started.add(node);
                        running.add(node);
                    }
                    activate = () -> activate(started.get(0));
                } else {
                    InProcessApp app = InProcessApp.start(database, url, true);
                    running.add(app);
                    activate = () -> app.bean(ManagementService.class)
                            .updateJobSuspensionState()
                            .byProcessDefinitionKey(CityDealProcess.KEY)
                            .activate();
                }
                if (nodes == 1) {
                    report.add(db, Metric.STARTUP_FULL, Duration.ofNanos(System.nanoTime() - startingAt));
                }

                long start = System.nanoTime();
                activate.run();
                await().atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> count(sql, "select count(*) from prompt where fired_at is not null") - firedBefore
                                        >= due
                                && count(sql, "select count(*) from notification where kind = 'PROMPT'") - mailsBefore
                                        >= due
                                && count(
                                                sql,
                                                "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?",
                                                now())
                                        == 0);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                report.add(db, nodes == 1 ? Metric.FIRE_ONE_NODE : Metric.FIRE_TWO_NODES, took);
                System.out.printf("%s: %,d prompts fired and queued by %d node(s) in %s%n", db, due, nodes, took);

                assertThat(count(sql, "select count(*) from prompt where fired_at is not null") - firedBefore)
                        .isEqualTo(due);
                assertThat(count(sql, "select count(*) from notification where kind = 'PROMPT'") - mailsBefore)
                        .isEqualTo(due);
                assertThat(count(sql, "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?", now()))
                        .isZero();
                assertThat(count(sql, "select count(*) from act_ru_incident")).isZero();
            } finally {
                Collections.reverse(running);
                for (AutoCloseable node : running) {
                    node.close();
                }
            }
        }
    }

    private static List<String> nodeJvmOptions(String node) {
        return NODE_JVM_OPTIONS.stream()
                .map(option -> option.replace("%n", node))
                .toList();
    }

    private static void activate(AppNode node) {
        try {
            var answer = node.put(
                    "/engine-rest/job/suspended",
                    "application/json",
                    "{\"processDefinitionKey\":\"%s\",\"suspended\":false}".formatted(CityDealProcess.KEY));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The due timers per activity of the model. */
    private static Map<String, Long> dueTimers(Connection sql) throws SQLException {
        Map<String, Long> due = new java.util.TreeMap<>();
        try (PreparedStatement query = sql.prepareStatement(
                "select d.act_id_, count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where j.type_ = 'timer' and j.duedate_ <= ? group by d.act_id_")) {
            query.setTimestamp(1, now());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    due.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return due;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static long count(Connection sql, String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
