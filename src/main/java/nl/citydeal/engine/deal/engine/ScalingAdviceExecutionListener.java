package nl.citydeal.engine.deal.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.AdvisedRoute;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * Turns the result of the {@code scaling-route-advice} decision into what the decision form shows: a readable
 * advice, and the advised routes pre-ticked when they can be taken together (the deal lead and the programme
 * office still decide). The advice is kept with the deal, so its page shows it beside the decision.
 */
@Component
class ScalingAdviceExecutionListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    ScalingAdviceExecutionListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(CityDealProcess.Variable.DECISION_RESULT);
        List<AdvisedRoute> advice = result.getResultList().stream()
                .map(row ->
                        new AdvisedRoute(ScalingRoute.valueOf((String) row.get("route")), (String) row.get("reason")))
                .distinct()
                .toList();
        Set<ScalingRoute> preTicked = AdvisedRoute.combinable(advice);
        for (ScalingRoute route : ScalingRoute.values()) {
            execution.setVariable(CityDealProcess.routeVariable(route), preTicked.contains(route));
        }
        execution.setVariable(CityDealProcess.Variable.SCALING_ADVICE, AdvisedRoute.describe(advice));
        dealRegistry.recordAdvice(DealInstances.dealId(execution), advice);
    }
}
