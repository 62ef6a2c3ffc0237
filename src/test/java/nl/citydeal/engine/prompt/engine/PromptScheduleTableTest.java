package nl.citydeal.engine.prompt.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptRule;
import nl.citydeal.engine.prompt.PromptRules;
import nl.citydeal.engine.prompt.PromptSchedule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code prompt-schedule.dmn}, evaluated by the DMN engine as deployed: over every allowed term
 * length, from the shortest to the longest, the prompts keep their order and fall before the end; and the upload
 * check refuses a table that misses a row, doubles one, or has an unusable one.
 */
class PromptScheduleTableTest {

    static final Path TABLE = Path.of("processes/prompt-schedule.dmn");
    static DmnEngine dmnEngine;
    static DmnDecision decision;

    @BeforeAll
    static void readTable() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        decision = dmnEngine.parseDecision("prompt-schedule", Files.newInputStream(TABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2025-01-31", "2025-08-31", "2026-02-28", "2027-12-15"})
    void everyAllowedTermKeepsThePromptsInTheirOrderBeforeTheEnd(String signing) {
        LocalDate signedOn = LocalDate.parse(signing);
        PromptSchedule schedule = new PromptSchedule(rules());
        for (LocalDate endsOn = signedOn.plusMonths(Term.MIN_MONTHS);
                !endsOn.isAfter(signedOn.plusYears(Term.MAX_YEARS));
                endsOn = endsOn.plusDays(1)) {
            PromptPlan plan = schedule.plan(new Term(signedOn, endsOn));
            PromptKind previous = null;
            for (PromptKind kind : PromptKind.values()) {
                if (kind.repeats()) {
                    continue;
                }
                assertThat(plan.dueAt(kind))
                        .as("%s for %s to %s", kind, signedOn, endsOn)
                        .isBefore(plan.termEndsAt());
                if (previous != null) {
                    assertThat(plan.dueAt(kind))
                            .as("%s after %s for %s to %s", kind, previous, signedOn, endsOn)
                            .isAfterOrEqualTo(plan.dueAt(previous));
                }
                previous = kind;
            }
        }
    }

    @Test
    void theRepositorysTablePassesTheUploadCheck() throws IOException {
        assertThat(check(Files.readString(TABLE))).isEmpty();
    }

    @Test
    void aTableWithoutARowForAPromptIsRefusedNamingIt() throws IOException {
        String table = Files.readString(TABLE);
        String withoutMidTerm = table.replaceAll("(?s)<rule id=\"Rule_MidTermReview\">.*?</rule>", "");

        assertThat(String.join(" ", check(withoutMidTerm)))
                .contains("Er is geen regel voor MID_TERM_REVIEW (Tussenbalans houden)");
    }

    @Test
    void aTableWithTwoRowsForAPromptIsRefusedNamingIt() throws IOException {
        String table = Files.readString(TABLE);
        String twice = table.replace("<text>\"SCALING_PLAN_DUE\"</text>", "<text>\"SCALING_EXPLORATION\"</text>");

        assertThat(String.join(" ", check(twice)))
                .contains("regels voor SCALING_EXPLORATION")
                .contains("Er is geen regel voor SCALING_PLAN_DUE");
    }

    @Test
    void aRowWithAnUnusableFractionIsRefused() throws IOException {
        String table = Files.readString(TABLE);
        String unusable = table.replaceFirst("<text>0.25</text>", "<text>1.25</text>");

        assertThat(String.join(" ", check(unusable)))
                .contains("OWNERSHIP_CONVERSATION")
                .contains("ligt niet tussen 0 en 1");
    }

    @Test
    void aTableThatPutsThePlanBeforeTheExplorationIsRefused() throws IOException {
        String table = Files.readString(TABLE);
        String early = table.replace("<text>0.40</text>", "<text>0.80</text>");

        assertThat(String.join(" ", check(early))).contains("valt vóór Opschaling verkennen");
    }

    private static List<String> check(String table) {
        return new PromptScheduleCheck().problems("prompt-schedule.dmn", table.getBytes(StandardCharsets.UTF_8));
    }

    private static PromptRules rules() {
        return termInDays -> dmnEngine
                .evaluateDecisionTable(decision, Variables.createVariables().putValue("termInDays", termInDays))
                .getResultList()
                .stream()
                .map(row -> PromptRule.of((Map<String, Object>) row))
                .toList();
    }
}
