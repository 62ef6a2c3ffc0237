package nl.citydeal.engine.deal.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * Records that a deal enters its phase, in the registry and in the {@code phase} variable that Tasklist shows. One
 * bean per phase ({@link DealListenerConfiguration}); the model binds each where its phase starts. When the
 * experimentation starts, the flags its gateways read (prompts answered, part one's gate passed) are set to false
 * unless they are there already.
 */
class EnterPhaseListener implements ExecutionListener {

    /** Read by the experimentation's gateways; set only when the prompt is answered or the gate passed. */
    static final List<String> EXPERIMENTATION_FLAGS = List.of(
            CityDealProcess.Variable.OWNERSHIP_CONVERSATION_HELD,
            CityDealProcess.Variable.SCALING_EXPLORED,
            CityDealProcess.Variable.SCALING_PLAN_DELIVERED,
            CityDealProcess.Variable.MID_TERM_REVIEW_HELD,
            CityDealProcess.Variable.PART_ONE_GATE_PASSED);

    private final DealPhase phase;
    private final DealRegistry dealRegistry;

    EnterPhaseListener(DealPhase phase, DealRegistry dealRegistry) {
        this.phase = phase;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String dealId = DealInstances.dealId(execution);
        DealPhase entered = dealRegistry.enterPhase(dealId, phase);
        execution.setVariable(CityDealProcess.Variable.PHASE, entered.name());
        execution.setVariable(CityDealProcess.Variable.PHASE_LABEL, (entered.ordinal() + 1) + ". " + entered.label());
        if (phase == DealPhase.EXPERIMENTATION) {
            EXPERIMENTATION_FLAGS.forEach(flag -> setUnlessThere(execution, flag));
        }
        // read by gateways before the step that sets them has run in every version of a deal (a running deal moved
        // onto this model): absent means no
        if (phase == DealPhase.PREPARATION) {
            setUnlessThere(execution, CityDealProcess.Variable.ABANDON_DEAL);
        }
        if (phase == DealPhase.SCALING_ROUTES) {
            setUnlessThere(execution, CityDealProcess.Variable.ANY_HAND_OVER_FAILED);
        }
    }

    private static void setUnlessThere(DelegateExecution execution, String flag) {
        if (!execution.hasVariable(flag)) {
            execution.setVariable(flag, false);
        }
    }
}
