package nl.citydeal.engine.deal.engine;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.ProcessValues;

/** What a deal means to scale, as the form's boxes hold it: one flag per intent ({@link CityDealProcess#intentVariable}). */
final class ScalingIntentVariables {

    private ScalingIntentVariables() {}

    /** The intents whose box is ticked. */
    static Set<ScalingIntent> ticked(VariableScope scope) {
        Set<ScalingIntent> intents = EnumSet.noneOf(ScalingIntent.class);
        for (ScalingIntent intent : ScalingIntent.values()) {
            if (ProcessValues.flag(scope, CityDealProcess.intentVariable(intent))) {
                intents.add(intent);
            }
        }
        return intents;
    }
}
