package nl.citydeal.engine.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlanning;
import nl.citydeal.engine.prompt.PromptRule;
import nl.citydeal.engine.prompt.PromptRuleTables;
import nl.citydeal.engine.prompt.PromptRules;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.PromptStretch;
import nl.citydeal.engine.prompt.Prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The preview of a changed prompt schedule: per running deal, the prompts still to come that move, from the date
 * they have to the date the new schedule gives their current stretch, and which become overdue at once.
 */
class PromptSchedulePreviewTest {

    private static final Instant NOW = Instant.parse("2024-10-20T08:00:00Z");
    private static final Set<PromptKind> ALL_ONCE = EnumSet.of(
            PromptKind.OWNERSHIP_CONVERSATION,
            PromptKind.SCALING_EXPLORATION,
            PromptKind.MID_TERM_REVIEW,
            PromptKind.SCALING_PLAN_DUE,
            PromptKind.SCALING_PLAN_ESCALATION);

    private final List<PromptStretch> stretches = new ArrayList<>();
    private final List<Prompt> openPrompts = new ArrayList<>();
    private final List<Deal> deals = new ArrayList<>();

    @Test
    void ownershipAtAFifthMovesEachDealsPlannedPromptToTheNewDateOfItsStretch() {
        // 2024-06-01 to 2027-06-01: 1095 days; x 0.25 = 273 days, x 0.20 = 219 days
        deal("deal-b", "City Deal Water", LocalDate.of(2024, 6, 1), LocalDate.of(2027, 6, 1), ALL_ONCE);
        prompt("deal-b", PromptKind.OWNERSHIP_CONVERSATION, PromptStatus.PLANNED, "2025-03-01T09:00+01:00");
        unchangedOthers(
                "deal-b",
                "2025-08-13T09:00+02:00",
                "2025-11-30T09:00+01:00",
                "2026-08-31T09:00+02:00",
                "2026-12-18T09:00+01:00");

        PromptMoves moves = preview(ownershipAt("0.20"));

        assertThat(moves.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.dealId()).isEqualTo("deal-b");
            assertThat(deal.dealName()).isEqualTo("City Deal Water");
            assertThat(deal.moves())
                    .containsExactly(new PromptMove(
                            "OWNERSHIP_CONVERSATION",
                            "Eigenaarschapsgesprek voeren",
                            OffsetDateTime.parse("2025-03-01T09:00+01:00"),
                            OffsetDateTime.parse("2025-01-06T09:00+01:00"),
                            false));
        });
        assertThat(moves.overdueAtOnce()).isZero();
    }

    @Test
    void promptWhoseNewDateHasPassedWhileItsDateIsStillToComeIsOverdueAtOnce() {
        // 2024-03-01 to 2027-03-01: the ownership conversation moves from 29 November to 6 October, before now
        deal("deal-a", "City Deal Energie", LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1), ALL_ONCE);
        prompt("deal-a", PromptKind.OWNERSHIP_CONVERSATION, PromptStatus.PLANNED, "2024-11-29T09:00+01:00");
        unchangedOthers(
                "deal-a",
                "2025-05-13T09:00+02:00",
                "2025-08-30T09:00+02:00",
                "2026-05-31T09:00+02:00",
                "2026-09-17T09:00+02:00");

        PromptMoves moves = preview(ownershipAt("0.20"));

        assertThat(moves.deals().get(0).moves()).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo(OffsetDateTime.parse("2024-10-06T09:00+02:00"));
            assertThat(move.overdueAtOnce()).isTrue();
        });
        assertThat(moves.overdueAtOnce()).isEqualTo(1);
    }

    @Test
    void promptThatFiredAndIsOverdueAlreadyMovesButIsNotOverdueAtOnce() {
        // 2023-09-01 to 2025-09-01: 731 days; it fell due on 1 March, now on 25 January
        deal("deal-c", "City Deal Mobiliteit", LocalDate.of(2023, 9, 1), LocalDate.of(2025, 9, 1), ALL_ONCE);
        prompt("deal-c", PromptKind.OWNERSHIP_CONVERSATION, PromptStatus.DUE, "2024-03-01T09:00+01:00");
        unchangedOthers(
                "deal-c",
                "2024-06-19T09:00+02:00",
                "2024-08-31T09:00+02:00",
                "2025-03-01T09:00+01:00",
                "2025-05-14T09:00+02:00");

        PromptMove move = preview(ownershipAt("0.20")).deals().get(0).moves().get(0);

        assertThat(move.from()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:00+01:00"));
        assertThat(move.to()).isEqualTo(OffsetDateTime.parse("2024-01-25T09:00+01:00"));
        assertThat(move.overdueAtOnce()).isFalse();
    }

    @Test
    void extendedDealIsPlannedFromTheStartOfItsExtensionAndADoneConversationDoesNotMove() {
        // an extension from 2024-06-01 to 2027-06-01, the conversation held before: only the rest could move
        deal(
                "deal-d",
                "City Deal Circulair",
                LocalDate.of(2024, 6, 1),
                LocalDate.of(2027, 6, 1),
                EnumSet.complementOf(EnumSet.of(PromptKind.OWNERSHIP_CONVERSATION, PromptKind.ANSWERABILITY_REVIEW)));
        unchangedOthers(
                "deal-d",
                "2025-08-13T09:00+02:00",
                "2025-11-30T09:00+01:00",
                "2026-08-31T09:00+02:00",
                "2026-12-18T09:00+01:00");

        assertThat(preview(ownershipAt("0.20")).deals()).isEmpty();
        assertThat(preview(ownershipAt("0.25")).deals()).isEmpty();
    }

    @Test
    void scheduleThatChangesNothingMovesNothing() {
        deal("deal-b", "City Deal Water", LocalDate.of(2024, 6, 1), LocalDate.of(2027, 6, 1), ALL_ONCE);
        prompt("deal-b", PromptKind.OWNERSHIP_CONVERSATION, PromptStatus.PLANNED, "2025-03-01T09:00+01:00");
        unchangedOthers(
                "deal-b",
                "2025-08-13T09:00+02:00",
                "2025-11-30T09:00+01:00",
                "2026-08-31T09:00+02:00",
                "2026-12-18T09:00+01:00");

        PromptMoves moves = preview(ownershipAt("0.25"));

        assertThat(moves.deals()).isEmpty();
        assertThat(moves.overdueAtOnce()).isZero();
    }

    // --- the world

    private PromptMoves preview(PromptRules rules) {
        PromptRuleTables tables = dmn -> Optional.of(rules);
        Prompts prompts = mock(Prompts.class);
        when(prompts.openForDeals(anyCollection())).thenReturn(openPrompts);
        DealRegistry registry = mock(DealRegistry.class);
        when(registry.getAll(anyCollection())).thenReturn(deals);
        PromptScheduleChanges changes = new PromptScheduleChanges(
                new Stretches(stretches), rules, tables, prompts, registry, Clock.fixed(NOW, ZoneOffset.UTC));
        return changes.preview(new byte[0]).orElseThrow();
    }

    private void deal(String id, String name, LocalDate from, LocalDate endsOn, Set<PromptKind> open) {
        stretches.add(new PromptStretch(id, "instance-" + id, from, endsOn, open));
        Deal deal = mock(Deal.class);
        when(deal.getId()).thenReturn(id);
        when(deal.getName()).thenReturn(name);
        deals.add(deal);
    }

    /** The prompts after the ownership conversation, where either schedule puts them. */
    private void unchangedOthers(String dealId, String exploration, String midTerm, String plan, String escalation) {
        prompt(dealId, PromptKind.SCALING_EXPLORATION, PromptStatus.PLANNED, exploration);
        prompt(dealId, PromptKind.MID_TERM_REVIEW, PromptStatus.PLANNED, midTerm);
        prompt(dealId, PromptKind.SCALING_PLAN_DUE, PromptStatus.PLANNED, plan);
        prompt(dealId, PromptKind.SCALING_PLAN_ESCALATION, PromptStatus.PLANNED, escalation);
    }

    private void prompt(String dealId, PromptKind kind, PromptStatus status, String dueAt) {
        Prompt prompt = mock(Prompt.class);
        when(prompt.getDealId()).thenReturn(dealId);
        when(prompt.getKind()).thenReturn(kind);
        when(prompt.getStatus()).thenReturn(status);
        when(prompt.getDueAt()).thenReturn(OffsetDateTime.parse(dueAt).toInstant());
        openPrompts.add(prompt);
    }

    /** The repository's schedule ({@code processes/prompt-schedule.dmn}) with the ownership conversation at the fraction. */
    private static PromptRules ownershipAt(String fraction) {
        return termInDays -> List.of(
                new PromptRule(PromptKind.OWNERSHIP_CONVERSATION, new BigDecimal(fraction), null, null),
                new PromptRule(PromptKind.SCALING_EXPLORATION, new BigDecimal("0.40"), null, null),
                new PromptRule(PromptKind.MID_TERM_REVIEW, new BigDecimal("0.50"), null, null),
                new PromptRule(PromptKind.SCALING_PLAN_DUE, new BigDecimal("0.75"), 6, null),
                new PromptRule(PromptKind.SCALING_PLAN_ESCALATION, new BigDecimal("0.85"), 3, null),
                new PromptRule(PromptKind.ANSWERABILITY_REVIEW, null, null, 6));
    }

    /** The running deals' stretches as the engine glue answers them. */
    private record Stretches(List<PromptStretch> stretches) implements PromptPlanning {

        @Override
        public void plan(String processInstanceId, String dealId) {
            throw new UnsupportedOperationException("a preview plans nothing");
        }

        @Override
        public boolean replan(String processInstanceId) {
            throw new UnsupportedOperationException("a preview plans nothing");
        }
    }
}
