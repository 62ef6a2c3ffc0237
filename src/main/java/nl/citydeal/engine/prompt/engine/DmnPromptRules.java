package nl.citydeal.engine.prompt.engine;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptRule;
import nl.citydeal.engine.prompt.PromptRules;

/** Reads the prompt schedule from the latest deployed {@code prompt-schedule} decision table. */
@Component
class DmnPromptRules implements PromptRules {

    private final DecisionService decisionService;

    public DmnPromptRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public List<PromptRule> forTerm(long termInDays) {
        return decisionService
                .evaluateDecisionTableByKey(
                        CityDealProcess.PROMPT_SCHEDULE_DECISION,
                        Variables.createVariables().putValue("termInDays", termInDays))
                .getResultList()
                .stream()
                .map(PromptRule::of)
                .toList();
    }
}
