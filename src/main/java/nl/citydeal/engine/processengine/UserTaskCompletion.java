package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told of every user task of a deal that is completed (not of one that is cancelled, escalated or ended with a BPMN
 * error), inside the engine's command and so inside the completion's transaction. {@link EngineHardeningPlugin} adds
 * one built-in task listener on {@code complete} to every user task of {@link CityDealProcess#KEY} that calls each
 * such bean: a feature records what it needs of every step without a listener per task in the model.
 */
public interface UserTaskCompletion {

    void completed(DelegateTask task);
}
