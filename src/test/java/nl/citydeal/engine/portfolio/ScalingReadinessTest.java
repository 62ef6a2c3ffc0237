package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.portfolio.ScalingReadiness.DealFacts;
import nl.citydeal.engine.portfolio.ScalingReadiness.Item;
import nl.citydeal.engine.portfolio.ScalingReadiness.PromptFact;
import nl.citydeal.engine.portfolio.ScalingReadiness.Status;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaling-readiness checklist from plain facts, on the README's term 2024-03-01 to 2027-03-01: 40% of it ends
 * on 2025-05-13, the mid-term review falls on 2025-08-30, the scaling plan is due on 2026-05-31.
 */
class ScalingReadinessTest {

    static final LocalDate SIGNED = LocalDate.of(2024, 3, 1);
    static final LocalDate ENDS = LocalDate.of(2027, 3, 1);
    /** Registered in preparation, well before signing: nothing was imported. */
    static final DealFacts RUNNING = new DealFacts(DealPhase.EXPERIMENTATION, SIGNED, ENDS, LocalDate.of(2023, 9, 1));

    static final DealFacts PREPARING = new DealFacts(DealPhase.PREPARATION, null, null, LocalDate.of(2023, 9, 1));

    @Test
    void aDealInPreparationIsNotYetReadyOnAnyItemAndEachItemCarriesItsLesson() {
        List<Item> items = ScalingReadiness.assess(PREPARING, List.of(), List.of(), List.of(), at(2023, 10, 1));

        assertThat(items).extracting(Item::status).containsOnly(Status.NOT_YET);
        assertThat(items)
                .extracting(Item::question)
                .containsExactly(
                        "Eigenaarschap vroeg besproken (vóór de verkenning van opschaling)?",
                        "Middelen toegezegd?",
                        "Deelnemers kritisch gescreend?",
                        "Opschaling verkend vóór de tussenbalans?",
                        "Opschalingsplan op tijd?");
        assertThat(items).allSatisfy(item -> assertThat(item.lesson()).isNotBlank());
        assertThat(items.get(0).lesson()).startsWith("Eigenaarschap");
        assertThat(items.get(1).lesson()).startsWith("Middelen");
        assertThat(items.get(2).lesson()).startsWith("Deelnemers");
        assertThat(items.get(3).lesson()).startsWith("Timing");
    }

    @Test
    void ownershipCountsWhenDiscussedBeforeTheScalingExplorationFallsDueAsTheDeployedScheduleSays() {
        assertThat(ownership(done(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29), at(2025, 5, 13)), at(2026, 1, 1))
                        .status())
                .isEqualTo(Status.YES);
        Item late =
                ownership(done(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29), at(2025, 5, 14)), at(2026, 1, 1));
        assertThat(late.status()).isEqualTo(Status.NO);
        assertThat(late.detail()).contains("14 mei 2025").contains("13 mei 2025");
        assertThat(ownership(open(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29)), at(2025, 5, 13))
                        .status())
                .isEqualTo(Status.NOT_YET);
        assertThat(ownership(open(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29)), at(2025, 5, 14))
                        .status())
                .isEqualTo(Status.NO);
        assertThat(ownership(cancelled(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29)), at(2024, 6, 1))
                        .status())
                .isEqualTo(Status.NO);
    }

    @Test
    void resourcesAreCommittedByAnApprovedProposalOrByPassingTheGate() {
        Item approved = ScalingReadiness.resources(
                RUNNING,
                List.of(
                        review(ReviewOutcome.SEND_BACK, "SEND_BACK: geen middelen"),
                        review(ReviewOutcome.APPROVE, "APPROVE")));
        assertThat(approved.status()).isEqualTo(Status.YES);
        assertThat(approved.detail()).contains("goedgekeurd");

        assertThat(ScalingReadiness.resources(
                                PREPARING, List.of(review(ReviewOutcome.SEND_BACK, "SEND_BACK: geen middelen")))
                        .status())
                .isEqualTo(Status.NOT_YET);
        assertThat(ScalingReadiness.resources(
                                new DealFacts(DealPhase.CLOSING, null, null, LocalDate.of(2023, 9, 1)),
                                List.of(review(ReviewOutcome.ABANDON, "ABANDON: geen trekker")))
                        .status())
                .isEqualTo(Status.NO);
        assertThat(ScalingReadiness.resources(RUNNING, List.of()).status()).isEqualTo(Status.YES);
    }

    @Test
    void participantsAreScreenedWhenAtLeastOneWasAdmittedAndTheCountsShow() {
        Item screened = ScalingReadiness.participants(RUNNING, List.of(participant(true), participant(false)));
        assertThat(screened.status()).isEqualTo(Status.YES);
        assertThat(screened.detail()).isEqualTo("2 gescreend, 1 toegelaten.");

        assertThat(ScalingReadiness.participants(RUNNING, List.of(participant(false)))
                        .status())
                .isEqualTo(Status.NO);
        assertThat(ScalingReadiness.participants(PREPARING, List.of(participant(false)))
                        .status())
                .isEqualTo(Status.NOT_YET);
        assertThat(ScalingReadiness.participants(RUNNING, List.of()).status()).isEqualTo(Status.NO);
    }

    @Test
    void scalingIsExploredInTimeWhenDoneBeforeTheMidTermReview() {
        PromptFact midTerm = open(PromptKind.MID_TERM_REVIEW, at(2025, 8, 30));
        assertThat(ScalingReadiness.exploration(
                                RUNNING,
                                List.of(midTerm, done(PromptKind.SCALING_EXPLORATION, at(2025, 5, 13), at(2025, 6, 1))),
                                day(2026, 1, 1))
                        .status())
                .isEqualTo(Status.YES);
        assertThat(ScalingReadiness.exploration(
                                RUNNING,
                                List.of(midTerm, done(PromptKind.SCALING_EXPLORATION, at(2025, 5, 13), at(2025, 9, 2))),
                                day(2026, 1, 1))
                        .status())
                .isEqualTo(Status.NO);
        assertThat(ScalingReadiness.exploration(
                                RUNNING,
                                List.of(midTerm, open(PromptKind.SCALING_EXPLORATION, at(2025, 5, 13))),
                                day(2025, 7, 1))
                        .status())
                .isEqualTo(Status.NOT_YET);
    }

    @Test
    void theScalingPlanIsOnTimeWhenDoneByItsDueDate() {
        assertThat(ScalingReadiness.plan(
                                RUNNING,
                                List.of(done(PromptKind.SCALING_PLAN_DUE, at(2026, 5, 31), at(2026, 5, 31))),
                                day(2026, 6, 1))
                        .status())
                .isEqualTo(Status.YES);
        assertThat(ScalingReadiness.plan(
                                RUNNING, List.of(open(PromptKind.SCALING_PLAN_DUE, at(2026, 5, 31))), day(2026, 6, 1))
                        .status())
                .isEqualTo(Status.NO);
        assertThat(ScalingReadiness.plan(
                                RUNNING, List.of(open(PromptKind.SCALING_PLAN_DUE, at(2026, 5, 31))), day(2026, 5, 31))
                        .status())
                .isEqualTo(Status.NOT_YET);
        assertThat(ScalingReadiness.plan(
                                RUNNING,
                                List.of(cancelled(PromptKind.SCALING_PLAN_DUE, at(2026, 5, 31))),
                                day(2026, 3, 1))
                        .status())
                .isEqualTo(Status.NO);
    }

    @Test
    void anImportedDealShowsOnbekendForWhatHappenedBeforeItsImportButJudgesWhatCameAfter() {
        DealFacts imported = new DealFacts(DealPhase.EXPERIMENTATION, SIGNED, ENDS, LocalDate.of(2025, 10, 1));
        List<PromptFact> prompts = new ArrayList<>(List.of(
                open(PromptKind.OWNERSHIP_CONVERSATION, at(2024, 11, 29)),
                done(PromptKind.SCALING_EXPLORATION, at(2025, 5, 13), at(2025, 10, 2)),
                open(PromptKind.MID_TERM_REVIEW, at(2025, 8, 30)),
                open(PromptKind.SCALING_PLAN_DUE, at(2026, 5, 31))));

        List<Item> items = ScalingReadiness.assess(imported, prompts, List.of(), List.of(), at(2025, 10, 5));

        assertThat(items)
                .extracting(Item::status)
                .containsExactly(Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN, Status.NOT_YET);
        assertThat(items.get(0).detail()).contains("geïmporteerd");
    }

    /** The ownership item of a running deal whose scaling exploration falls due on 13 May 2025. */
    private static Item ownership(PromptFact prompt, Instant now) {
        PromptFact exploration = open(PromptKind.SCALING_EXPLORATION, at(2025, 5, 13));
        return ScalingReadiness.assess(RUNNING, List.of(prompt, exploration), List.of(), List.of(), now)
                .get(0);
    }

    private static PromptFact open(PromptKind kind, Instant due) {
        return new PromptFact(kind, due, PromptStatus.PLANNED, null);
    }

    private static PromptFact cancelled(PromptKind kind, Instant due) {
        return new PromptFact(kind, due, PromptStatus.CANCELLED, null);
    }

    private static PromptFact done(PromptKind kind, Instant due, Instant doneAt) {
        return new PromptFact(kind, due, PromptStatus.DONE, doneAt);
    }

    private static DealDecision review(ReviewOutcome outcome, String summary) {
        return new DealDecision("deal", at(2023, 12, 1), "petra", outcome, summary);
    }

    private static Participant participant(boolean accepted) {
        return new Participant(
                "deal", "Waterschap", ParticipantType.WATER_BOARD, "Kennis van water", accepted, SIGNED, false);
    }

    /** 09:00 on the day in Europe/Amsterdam, when prompts fall. */
    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day)
                .atTime(PromptSchedule.PROMPT_TIME)
                .atZone(PromptSchedule.ZONE)
                .toInstant();
    }

    private static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
