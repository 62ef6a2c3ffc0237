package nl.citydeal.engine.bench;

/** What the benchmark measures, with its target where the issue sets one. */
enum Metric {
    REGISTER_BARE("Registering deals: bare Camunda engine (deals/s)", Kind.RATE, null),
    REGISTER_SERVICE("Registering deals: application service (deals/s)", Kind.RATE, null),
    REGISTER_REST("Registering deals: REST API `POST /api/deals` (deals/s)", Kind.RATE, null),
    STATEMENTS_BARE("SQL statements per deal registered: bare engine", Kind.COUNT, null),
    STATEMENTS_SERVICE("SQL statements per deal registered: application service", Kind.COUNT, null),
    STATEMENTS_REST("SQL statements per deal registered: REST API", Kind.COUNT, null),
    COMPLETE_BARE("Completing a task (screening a participant): bare Camunda engine (tasks/s)", Kind.RATE, null),
    COMPLETE_SERVICE(
            "Completing a task (screening a participant): application, with the dossier entry (tasks/s)",
            Kind.RATE,
            null),
    STATEMENTS_COMPLETE_BARE("SQL statements per task completed: bare engine", Kind.COUNT, null),
    STATEMENTS_COMPLETE_SERVICE("SQL statements per task completed: application", Kind.COUNT, null),
    QUERY_DEALS("`GET /api/deals` (filtered page of 20)", Kind.LATENCY, "p95 < 100 ms"),
    QUERY_PORTFOLIO("`GET /api/portfolio`", Kind.LATENCY, "p95 < 100 ms"),
    PAGE_OVERVIEW("Portfolio overview page `/`", Kind.LATENCY, "p95 < 100 ms"),
    PAGE_DEAL("Deal page `/deals/{id}`", Kind.LATENCY, "p95 < 100 ms"),
    QUERY_TASKLIST("Tasklist filter \"Alle open taken\" (15 tasks)", Kind.LATENCY, "p95 < 100 ms"),
    SEARCH_OWN_WORD(
            "Overview search `/?q=` in the dossier: a word of one deal's screening answer",
            Kind.LATENCY,
            "p95 < 100 ms"),
    SEARCH_COMMON_WORD(
            "Overview search `/?q=` in the dossier: a word of every deal's (first 1,000 matches)",
            Kind.LATENCY,
            "p95 < 100 ms"),
    FIRE_BARE(
            "Due prompts: the bare engine firing the same timers (its job executor in the benchmark's JVM)",
            Kind.DURATION,
            null),
    FIRE_ONE_NODE("Due prompts fired and queued for mail, one node", Kind.DURATION, "< 2 min"),
    FIRE_TWO_NODES("Due prompts fired and queued for mail, two nodes", Kind.DURATION, "faster than one node"),
    HEAP("Heap in use after GC, deals registered and queried", Kind.BYTES, null),
    STARTUP_EMPTY("Start-up on an empty database (schema created)", Kind.DURATION, null),
    STARTUP_FULL("Start-up on the database of the prompt run", Kind.DURATION, null);

    enum Kind {
        RATE,
        COUNT,
        LATENCY,
        DURATION,
        BYTES
    }

    final String label;
    final Kind kind;
    final String target;

    Metric(String label, Kind kind, String target) {
        this.label = label;
        this.kind = kind;
        this.target = target;
    }
}
