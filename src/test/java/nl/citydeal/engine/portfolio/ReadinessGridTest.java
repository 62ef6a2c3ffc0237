package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.portfolio.ReadinessGrid.Column;
import nl.citydeal.engine.portfolio.ReadinessGrid.Grid;
import nl.citydeal.engine.portfolio.ReadinessGrid.Query;
import nl.citydeal.engine.portfolio.ReadinessGrid.Row;
import nl.citydeal.engine.portfolio.ReadinessGrid.SortKey;
import nl.citydeal.engine.portfolio.ScalingReadiness.Item;
import nl.citydeal.engine.portfolio.ScalingReadiness.Status;

import static nl.citydeal.engine.portfolio.ScalingReadiness.Status.NO;
import static nl.citydeal.engine.portfolio.ScalingReadiness.Status.NOT_YET;
import static nl.citydeal.engine.portfolio.ScalingReadiness.Status.UNKNOWN;
import static nl.citydeal.engine.portfolio.ScalingReadiness.Status.YES;
import static org.assertj.core.api.Assertions.assertThat;

/** The readiness grid's order, filter, column questions and shares, from rows made here. */
class ReadinessGridTest {

    static final Row ALFA = row("Alfa", YES, YES);
    static final Row BRAVO = row("bravo", NO, YES);
    static final Row CHARLIE = row("Charlie", UNKNOWN, NO);
    static final Row DELTA = row("Delta", NO, NOT_YET);
    static final List<Row> ROWS = List.of(DELTA, CHARLIE, BRAVO, ALFA);

    @Test
    void byDefaultTheDealsStandByNameWhateverTheirCase() {
        assertThat(names(new Grid(ROWS, Query.byName()).rows())).containsExactly("Alfa", "bravo", "Charlie", "Delta");
        assertThat(names(new Grid(ROWS, new Query(SortKey.NAME, false, null, null)).rows()))
                .containsExactly("Delta", "Charlie", "bravo", "Alfa");
    }

    @Test
    void sortingByOwnershipBringsTheNoesTogetherFirstThenNotYetUnknownAndYesByName() {
        Grid ascending = new Grid(ROWS, new Query(SortKey.OWNERSHIP, true, null, null));
        assertThat(names(ascending.rows())).containsExactly("bravo", "Delta", "Charlie", "Alfa");
        Grid descending = new Grid(ROWS, new Query(SortKey.OWNERSHIP, false, null, null));
        // the answers reversed, the names within an answer still in order
        assertThat(names(descending.rows())).containsExactly("Alfa", "Charlie", "bravo", "Delta");
    }

    @Test
    void theFilterKeepsOnlyTheDealsWithThatAnswerToThatItem() {
        Grid noOwnership = new Grid(ROWS, new Query(SortKey.NAME, true, Column.OWNERSHIP, NO));
        assertThat(names(noOwnership.rows())).containsExactly("bravo", "Delta");
        assertThat(noOwnership.all()).hasSize(4);
        // a filter needs both an item and an answer
        assertThat(new Query(SortKey.NAME, true, Column.OWNERSHIP, null).filtered())
                .isFalse();
    }

    @Test
    void theColumnsCarryTheChecklistsQuestionsInItsOrder() {
        var questions = new Grid(List.of(), Query.byName()).questions();
        assertThat(questions.get(Column.OWNERSHIP)).startsWith("Eigenaarschap");
        assertThat(questions.get(Column.RESOURCES)).startsWith("Middelen");
        assertThat(questions.get(Column.PARTICIPANTS)).startsWith("Deelnemers");
        assertThat(questions.get(Column.EXPLORATION)).startsWith("Opschaling verkend");
        assertThat(questions.get(Column.PLAN)).startsWith("Opschalingsplan");
    }

    @Test
    void aShareIsTheYesesOfTheKnownAnswersAndNothingWhenNoneIsKnown() {
        assertThat(new ReadinessGrid.Share(2024, 1, 3).percent()).isEqualTo(33L);
        assertThat(new ReadinessGrid.Share(2024, 2, 3).percent()).isEqualTo(67L);
        assertThat(new ReadinessGrid.Share(2024, 0, 0).percent()).isNull();
        // unsigned deals have no signing year: no shares
        assertThat(new Grid(ROWS, Query.byName()).shares().get(Column.OWNERSHIP))
                .isEmpty();
    }

    @Test
    void statusesAreAskedForByTheirCssNames() {
        assertThat(ReadinessGrid.statusOf("no")).contains(NO);
        assertThat(ReadinessGrid.statusOf("not-yet")).contains(NOT_YET);
        assertThat(ReadinessGrid.statusOf("nee")).isEmpty();
        assertThat(ReadinessGrid.statusOf(null)).isEmpty();
        assertThat(SortKey.ofParameter("ownership")).contains(SortKey.OWNERSHIP);
        assertThat(SortKey.ofParameter("OWNERSHIP")).isEmpty();
    }

    private static Row row(String name, Status ownership, Status resources) {
        Deal deal = new Deal(name, "CD-" + name, name, "thema", "Gemeente", "anna", "petra", "ambitie", Instant.EPOCH);
        assertThat(deal.getPhase()).isEqualTo(DealPhase.PREPARATION);
        List<Item> items = Arrays.stream(Column.values())
                .map(column -> new Item(
                        column.heading(),
                        column == Column.OWNERSHIP ? ownership : column == Column.RESOURCES ? resources : UNKNOWN,
                        "detail",
                        "les"))
                .toList();
        return new Row(deal, items);
    }

    private static List<String> names(List<Row> rows) {
        return rows.stream().map(row -> row.deal().getName()).toList();
    }
}
