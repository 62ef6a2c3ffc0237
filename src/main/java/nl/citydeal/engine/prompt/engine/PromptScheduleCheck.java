package nl.citydeal.engine.prompt.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.ModelCheck;
import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * Refuses an upload of the {@code prompt-schedule} table that the engine could not plan with: evaluated, before it
 * is stored, for every stretch from one day to the longest term, it must give each prompt kind exactly one usable
 * row, and keep the prompts in their order for every allowed term ({@link PromptSchedule#check}). So a missing or
 * doubled row is an administrator's message at upload, never an exception at a deal's signing.
 */
@Component
class PromptScheduleCheck implements ModelCheck {

    private final DmnEngine dmnEngine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Override
    public List<String> problems(String fileName, byte[] content) {
        if (!fileName.endsWith(".dmn")) {
            return List.of();
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            return List.of(); // not a readable table: the engine's own parser says why
        }
        if (model.getModelElementById(CityDealProcess.PROMPT_SCHEDULE_DECISION) == null) {
            return List.of();
        }
        DmnDecision decision;
        try {
            decision = dmnEngine.parseDecision(CityDealProcess.PROMPT_SCHEDULE_DECISION, model);
        } catch (RuntimeException e) {
            return List.of("Het herinneringsschema is niet te lezen: " + e.getMessage());
        }
        try {
            return PromptSchedule.check(days -> dmnEngine
                    .evaluateDecisionTable(decision, Variables.createVariables().putValue("termInDays", days))
                    .getResultList()
                    .stream()
                    .map(row -> (Map<String, Object>) row)
                    .toList());
        } catch (RuntimeException e) {
            return List.of("Het herinneringsschema is niet uit te rekenen: " + e.getMessage());
        }
    }
}
