package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Sets the process variables that copy the deal registry (deal lead, contact, term) from the registry. The engine
 * runs it before every user task of a deal starts ({@link EngineHardeningPlugin}) and the prompt planning before
 * it plans; the deal feature's engine glue implements it.
 */
public interface RegistrySync {

    /** Sets the lead, contact and term variables of the execution's deal from the registry, where they differ. */
    void sync(DelegateExecution execution);
}
