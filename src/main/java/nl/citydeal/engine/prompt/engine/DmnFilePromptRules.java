package nl.citydeal.engine.prompt.engine;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptRule;
import nl.citydeal.engine.prompt.PromptRuleTables;
import nl.citydeal.engine.prompt.PromptRules;

/**
 * Reads the prompt schedule of a DMN file that is not deployed with Camunda's standalone DMN engine: the same
 * decision table evaluation, row reading ({@link PromptRule#of}) and input ({@code termInDays}) as
 * {@link DmnPromptRules} for the deployed table.
 */
@Component
class DmnFilePromptRules implements PromptRuleTables {

    private final DmnEngine dmnEngine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Override
    public Optional<PromptRules> read(byte[] dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
        if (model.getModelElementById(CityDealProcess.PROMPT_SCHEDULE_DECISION) == null) {
            return Optional.empty();
        }
        DmnDecision decision = dmnEngine.parseDecision(CityDealProcess.PROMPT_SCHEDULE_DECISION, model);
        return Optional.of(termInDays -> dmnEngine
                .evaluateDecisionTable(decision, Variables.createVariables().putValue("termInDays", termInDays))
                .getResultList()
                .stream()
                .map(row -> PromptRule.of((Map<String, Object>) row))
                .toList());
    }
}
