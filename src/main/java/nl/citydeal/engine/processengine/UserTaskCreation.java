package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told of every user task of a deal that is created, inside the engine's command, after the model assigned it and
 * before anyone sees it. {@link EngineHardeningPlugin} adds one built-in task listener on {@code create} to every
 * user task of {@link CityDealProcess#KEY} that calls each such bean: the deal glue offers a deal-lead task of a deal
 * with deputies to the lead and the deputies, without a listener per task in the model.
 */
public interface UserTaskCreation {

    void created(DelegateTask task);
}
