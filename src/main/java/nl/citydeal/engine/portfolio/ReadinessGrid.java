package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.prompt.Prompts;

/**
 * Scaling readiness across the portfolio: every deal a viewer sees (all for the programme office and administrators,
 * a deal lead's own otherwise: the overview's rule) with its {@link ScalingReadiness} checklist, sorted and filtered,
 * and per item the share of deals meeting it per signing year. The prompts, participants and decisions of the deals
 * are read {@link Portfolio#PROMPT_CHUNK} deals at a time, not deal by deal.
 */
@Service
@Transactional(readOnly = true)
public class ReadinessGrid {

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Clock clock;

    ReadinessGrid(DealRegistry registry, Prompts promptLog, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
    }

    /** The grid over the deals a viewer sees (only those {@code onlyLead} leads or is a deputy of, when set). */
    public Grid of(String onlyLead, Query query) {
        List<Deal> deals = registry.search(DealCriteria.ledBy(onlyLead), Pageable.unpaged(Sort.by("name", "id")))
                .getContent();
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>(deals.size());
        for (int from = 0; from < deals.size(); from += Portfolio.PROMPT_CHUNK) {
            List<Deal> chunk = deals.subList(from, Math.min(deals.size(), from + Portfolio.PROMPT_CHUNK));
            List<String> ids = chunk.stream().map(Deal::getId).toList();
            Map<String, List<ScalingReadiness.PromptFact>> prompts = new HashMap<>();
            promptLog
                    .forDeals(ids)
                    .forEach(prompt -> prompts.computeIfAbsent(prompt.getDealId(), id -> new ArrayList<>())
                            .add(ScalingReadiness.PromptFact.of(prompt)));
            Map<String, List<Participant>> participants = registry.participantsOf(ids);
            Map<String, List<DealDecision>> decisions = registry.decisionsOf(ids);
            for (Deal deal : chunk) {
                rows.add(new Row(
                        deal,
                        ScalingReadiness.assess(
                                ScalingReadiness.DealFacts.of(deal),
                                prompts.getOrDefault(deal.getId(), List.of()),
                                participants.getOrDefault(deal.getId(), List.of()),
                                decisions.getOrDefault(deal.getId(), List.of()),
                                now)));
            }
        }
        return new Grid(rows, query);
    }

    /** The columns of the grid: the items of the checklist, in {@link ScalingReadiness#assess}'s order. */
    public enum Column {
        OWNERSHIP("ownership", "Eigenaarschap"),
        RESOURCES("resources", "Middelen"),
        PARTICIPANTS("participants", "Deelnemers"),
        EXPLORATION("exploration", "Verkenning"),
        PLAN("plan", "Opschalingsplan");

        private final String parameter;
        private final String heading;

        Column(String parameter, String heading) {
            this.parameter = parameter;
            this.heading = heading;
        }

        public String parameter() {
            return parameter;
        }

        /** The short heading; the item's question is the heading's title. */
        public String heading() {
            return heading;
        }

        public static Optional<Column> ofParameter(String value) {
            return Arrays.stream(values())
                    .filter(c -> c.parameter.equals(value))
                    .findFirst();
        }
    }

    /** What the grid can be sorted by: the deal's name, phase or signing year, or one of the items. */
    public enum SortKey {
        NAME("name", "Deal"),
        PHASE("phase", "Fase"),
        YEAR("year", "Ondertekend"),
        OWNERSHIP(Column.OWNERSHIP),
        RESOURCES(Column.RESOURCES),
        PARTICIPANTS(Column.PARTICIPANTS),
        EXPLORATION(Column.EXPLORATION),
        PLAN(Column.PLAN);

        private final String parameter;
        private final String heading;
        private final Column column;

        SortKey(String parameter, String heading) {
            this.parameter = parameter;
            this.heading = heading;
            this.column = null;
        }

        SortKey(Column column) {
            this.parameter = column.parameter();
            this.heading = column.heading();
            this.column = column;
        }

        public String parameter() {
            return parameter;
        }

        public String heading() {
            return heading;
        }

        /** The item column this key sorts by; null for name, phase and year. */
        public Column column() {
            return column;
        }

        public static Optional<SortKey> ofParameter(String value) {
            return Arrays.stream(values())
                    .filter(k -> k.parameter.equals(value))
                    .findFirst();
        }

        public static SortKey of(Column column) {
            return valueOf(column.name());
        }
    }

    /**
     * How the grid is shown: sorted by a key, ascending or not, and (when {@code item} is set) only the deals whose
     * answer to that item is {@code status}.
     */
    public record Query(SortKey sort, boolean ascending, Column item, ScalingReadiness.Status status) {

        public Query {
            sort = sort == null ? SortKey.NAME : sort;
            if (item == null || status == null) {
                item = null;
                status = null;
            }
        }

        public static Query byName() {
            return new Query(SortKey.NAME, true, null, null);
        }

        public boolean filtered() {
            return item != null;
        }
    }

    /** The order of the answers when sorting by an item, ascending: what needs attention first. */
    static int rank(ScalingReadiness.Status status) {
        return switch (status) {
            case NO -> 0;
            case NOT_YET -> 1;
            case UNKNOWN -> 2;
            case YES -> 3;
        };
    }

    /** The status with this parameter value (its CSS name: yes, no, not-yet, unknown). */
    public static Optional<ScalingReadiness.Status> statusOf(String value) {
        return Arrays.stream(ScalingReadiness.Status.values())
                .filter(s -> s.css().equals(value))
                .findFirst();
    }

    /** A deal with its checklist, an answer per {@link Column}. */
    public record Row(Deal deal, List<ScalingReadiness.Item> items) {

        public Row {
            items = List.copyOf(items);
            if (items.size() != Column.values().length) {
                throw new IllegalArgumentException("an answer per column");
            }
        }

        public ScalingReadiness.Item item(Column column) {
            return items.get(column.ordinal());
        }

        /** The year the deal was signed; null when it is not signed yet. */
        public Integer signingYear() {
            return deal.getSignedOn() == null ? null : deal.getSignedOn().getYear();
        }
    }

    /** Of one item in one signing year: how many deals meet it, of how many whose answer is known (ja or nee). */
    public record Share(int year, long yes, long assessed) {

        /** The share in whole percent; null when no deal of the year has a known answer. */
        public Long percent() {
            return assessed == 0 ? null : Math.round(100.0 * yes / assessed);
        }
    }

    /** The rows as asked (sorted, filtered) and the shares over all rows. */
    public record Grid(List<Row> all, Query query) {

        public Grid {
            all = List.copyOf(all);
        }

        /** The rows the query keeps, in its order (name and id break ties). */
        public List<Row> rows() {
            Comparator<Row> order = comparator(query.sort());
            if (!query.ascending()) {
                order = order.reversed();
            }
            order = order.thenComparing(row -> row.deal().getName().toLowerCase(Locale.ROOT))
                    .thenComparing(row -> row.deal().getId());
            return all.stream()
                    .filter(row -> !query.filtered() || row.item(query.item()).status() == query.status())
                    .sorted(order)
                    .toList();
        }

        private static Comparator<Row> comparator(SortKey key) {
            if (key.column() != null) {
                return Comparator.comparingInt(
                        row -> rank(row.item(key.column()).status()));
            }
            return switch (key) {
                case PHASE -> Comparator.comparing(row -> row.deal().getPhase());
                case YEAR -> Comparator.comparing(Row::signingYear, Comparator.nullsLast(Comparator.naturalOrder()));
                default -> Comparator.comparing(row -> row.deal().getName().toLowerCase(Locale.ROOT));
            };
        }

        /** The question behind each column, from the checklist itself. */
        public Map<Column, String> questions() {
            Map<Column, String> questions = new EnumMap<>(Column.class);
            List<ScalingReadiness.Item> sample = ScalingReadiness.assess(
                    new ScalingReadiness.DealFacts(DealPhase.PREPARATION, null, null, null, false),
                    List.of(),
                    List.of(),
                    List.of(),
                    Instant.EPOCH);
            for (Column column : Column.values()) {
                questions.put(column, sample.get(column.ordinal()).question());
            }
            return questions;
        }

        /** Per item, per signing year (oldest first; signed deals only): how many meet it, of how many known. */
        public Map<Column, List<Share>> shares() {
            Map<Column, List<Share>> shares = new EnumMap<>(Column.class);
            for (Column column : Column.values()) {
                Map<Integer, long[]> perYear = new TreeMap<>();
                for (Row row : all) {
                    if (row.signingYear() == null) {
                        continue;
                    }
                    long[] counts = perYear.computeIfAbsent(row.signingYear(), year -> new long[2]);
                    ScalingReadiness.Status status = row.item(column).status();
                    if (status == ScalingReadiness.Status.YES) {
                        counts[0]++;
                    }
                    if (status == ScalingReadiness.Status.YES || status == ScalingReadiness.Status.NO) {
                        counts[1]++;
                    }
                }
                List<Share> list = new ArrayList<>();
                perYear.forEach((year, counts) -> list.add(new Share(year, counts[0], counts[1])));
                shares.put(column, list);
            }
            return shares;
        }

        /** The shares of an item as a chart: a bar per signing year, in percent (a year without known answers: 0). */
        public BarChart shareChart(Column column) {
            List<Share> list = shares().get(column);
            return BarChart.single(
                    BarChart.Orientation.VERTICAL,
                    list.stream().map(share -> String.valueOf(share.year())).toList(),
                    new BarChart.Series("Aandeel ja", "series-yes"),
                    list.stream()
                            .map(share -> share.percent() == null ? 0L : share.percent())
                            .toList(),
                    100L,
                    " %");
        }
    }
}
