package nl.citydeal.engine.deal;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route advice table ({@code processes/scaling-route-advice.dmn}), row by row, and over every combination of its
 * inputs: regulation as the barrier always advises a change of regulation, a result not achieved always advises the
 * knowledge network (negative knowledge scales too), and what the table advises together is always a decision
 * {@link ScalingDecision} accepts, so the decision form can pre-tick it.
 */
class ScalingRouteAdviceTableTest {

    private static final File TABLE = new File("processes/scaling-route-advice.dmn");
    private static final List<String> OUTCOMES = List.of("ACHIEVED", "PARTLY", "NOT_ACHIEVED");

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTable() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream(TABLE)) {
            decision = dmnEngine.parseDecision("scaling-route-advice", in);
        }
    }

    @ParameterizedTest(name = "{0}: {1} owned={2} funding={3} national={4} regulation={5} continue={6} -> {7}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Rule_EmbedInPolicy; ACHIEVED; true; true; false; false; false; EMBED_IN_POLICY KNOWLEDGE_NETWORK",
                "Rule_NationalRollout; ACHIEVED; false; false; true; false; false; NATIONAL_ROLLOUT KNOWLEDGE_NETWORK",
                "Rule_ChangeRegulation; NOT_ACHIEVED; false; false; false; true; false; CHANGE_REGULATION KNOWLEDGE_NETWORK STOP",
                "Rule_OtherDealForm; ACHIEVED; false; false; false; false; true; OTHER_DEAL_FORM KNOWLEDGE_NETWORK",
                "Rule_FollowUpDeal; PARTLY; true; false; false; false; true; FOLLOW_UP_DEAL KNOWLEDGE_NETWORK",
                "Rule_Extension; PARTLY; false; false; false; false; true; EXTENSION",
                "Rule_KnowledgeNetwork; ACHIEVED; false; false; false; false; false; KNOWLEDGE_NETWORK",
                "Rule_KnowledgeNetworkPartlyOwned; PARTLY; true; false; false; false; false; KNOWLEDGE_NETWORK",
                "Rule_KnowledgeNetworkPartlyStopping; PARTLY; false; false; false; false; false; KNOWLEDGE_NETWORK",
                "Rule_KnowledgeNetworkPartlyRegulation; PARTLY; false; false; false; true; true; CHANGE_REGULATION KNOWLEDGE_NETWORK",
                "Rule_Merge; NOT_ACHIEVED; false; false; false; false; true; MERGE KNOWLEDGE_NETWORK",
                "Rule_Stop; NOT_ACHIEVED; false; false; false; false; false; KNOWLEDGE_NETWORK STOP"
            })
    void eachRuleAdvisesItsRouteWithItsReason(
            String ruleId,
            String outcome,
            boolean owned,
            boolean funding,
            boolean national,
            boolean regulation,
            boolean continueTogether,
            String expected) {
        Rule rule = rule(ruleId);
        AdvisedRoute own = new AdvisedRoute(
                ScalingRoute.valueOf(
                        unquote(rule.getOutputEntries().stream().toList().get(0).getTextContent())),
                unquote(rule.getOutputEntries().stream().toList().get(1).getTextContent()));

        List<AdvisedRoute> advice = advise(outcome, owned, funding, national, regulation, continueTogether);

        assertThat(advice).as("the row's own route and reason").contains(own);
        assertThat(routes(advice))
                .containsExactlyInAnyOrderElementsOf(Stream.of(expected.split(" "))
                        .map(ScalingRoute::valueOf)
                        .toList());
    }

    @Test
    void theRowsAboveAreEveryRuleOfTheTable() throws Exception {
        List<String> tested = new ArrayList<>();
        CsvSource rows = getClass()
                .getDeclaredMethod(
                        "eachRuleAdvisesItsRouteWithItsReason",
                        String.class,
                        String.class,
                        boolean.class,
                        boolean.class,
                        boolean.class,
                        boolean.class,
                        boolean.class,
                        String.class)
                .getAnnotation(CsvSource.class);
        for (String row : rows.value()) {
            tested.add(row.split(";")[0].trim());
        }
        assertThat(tested).containsExactlyInAnyOrderElementsOf(ruleIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCombination")
    void whatTheTableAdvisesTogetherIsADecisionTheDecisionAccepts(String name, String outcome, boolean[] inputs) {
        List<AdvisedRoute> advice = advise(outcome, inputs[0], inputs[1], inputs[2], inputs[3], inputs[4]);

        assertThat(advice).as("some advice").isNotEmpty();
        assertThat(AdvisedRoute.combinable(advice)).as("pre-ticked").isEqualTo(routes(advice));
        if (inputs[3]) {
            assertThat(routes(advice)).as("regulation is the barrier").contains(ScalingRoute.CHANGE_REGULATION);
        }
        if (outcome.equals("NOT_ACHIEVED")) {
            assertThat(routes(advice)).as("negative knowledge scales too").contains(ScalingRoute.KNOWLEDGE_NETWORK);
        }
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> combinations = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            for (int bits = 0; bits < 32; bits++) {
                boolean[] inputs = new boolean[5];
                for (int i = 0; i < 5; i++) {
                    inputs[i] = (bits & (1 << i)) != 0;
                }
                String name = "%s owned=%s funding=%s national=%s regulation=%s continue=%s"
                        .formatted(outcome, inputs[0], inputs[1], inputs[2], inputs[3], inputs[4]);
                combinations.add(Arguments.of(name, outcome, inputs));
            }
        }
        return combinations.stream();
    }

    private static List<AdvisedRoute> advise(
            String outcome,
            boolean owned,
            boolean funding,
            boolean national,
            boolean regulation,
            boolean continueTogether) {
        return dmnEngine
                .evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("outcome", outcome)
                                .putValue("ownershipSecured", owned)
                                .putValue("structuralFundingFound", funding)
                                .putValue("nationalRelevance", national)
                                .putValue("regulationIsBarrier", regulation)
                                .putValue("partiesWantToContinue", continueTogether))
                .getResultList()
                .stream()
                .map(row ->
                        new AdvisedRoute(ScalingRoute.valueOf((String) row.get("route")), (String) row.get("reason")))
                .toList();
    }

    private static Set<ScalingRoute> routes(List<AdvisedRoute> advice) {
        Set<ScalingRoute> routes = EnumSet.noneOf(ScalingRoute.class);
        advice.forEach(a -> routes.add(a.route()));
        return routes;
    }

    private static List<String> ruleIds() {
        return Dmn.readModelFromFile(TABLE).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId)
                .collect(Collectors.toList());
    }

    private static Rule rule(String id) {
        Rule rule = Dmn.readModelFromFile(TABLE).getModelElementById(id);
        assertThat(rule).as("rule " + id).isNotNull();
        return rule;
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        return trimmed.substring(1, trimmed.length() - 1);
    }
}
