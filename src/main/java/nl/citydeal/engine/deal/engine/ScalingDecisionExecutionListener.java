package nl.citydeal.engine.deal.engine;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

/**
 * Records a scaling decision one party took alone, and refuses one without a route, without a rationale, or with
 * routes that exclude each other (HTTP 400 through the REST API, a message on the form in Tasklist; nothing is
 * saved). Bound by process versions before the decision became joint, so that their running deals still
 * decide; the current model proposes ({@link ProposeScalingDecisionListener}) and confirms
 * ({@link ConfirmScalingDecisionListener}).
 */
@Component
class ScalingDecisionExecutionListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    public ScalingDecisionExecutionListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            dealRegistry.recordScalingDecision(
                    DealInstances.dealId(execution), decision(execution), CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }

    /** The decision as its form sent it: the route boxes ticked and the rationale; refused when invalid. */
    static ScalingDecision decision(DelegateExecution execution) {
        Set<ScalingRoute> routes = EnumSet.noneOf(ScalingRoute.class);
        for (ScalingRoute route : ScalingRoute.values()) {
            if (ProcessValues.flag(execution, CityDealProcess.routeVariable(route))) {
                routes.add(route);
            }
        }
        return new ScalingDecision(
                routes, ProcessValues.text(execution, CityDealProcess.Variable.SCALING_DECISION_RATIONALE));
    }
}
