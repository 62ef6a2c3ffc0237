package nl.citydeal.engine.process;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;

/**
 * Refuses a scaling decision without a route, without a rationale, or with routes that exclude each other
 * (HTTP 400 through the REST API, a message on the form in Tasklist; nothing is saved).
 */
@Component
public class ScalingDecisionExecutionListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Set<ScalingRoute> routes = EnumSet.noneOf(ScalingRoute.class);
        for (ScalingRoute route : ScalingRoute.values()) {
            if (ProcessValues.flag(execution, CityDealProcess.routeVariable(route))) {
                routes.add(route);
            }
        }
        try {
            new ScalingDecision(routes, ProcessValues.text(execution, CityDealProcess.Variable.SCALING_DECISION_RATIONALE));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
