package nl.citydeal.engine.prompt.notify;

import java.util.Optional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.prompt.PromptKind;

/** The task that answers a prompt, for the link in its mail. Implemented on the process engine. */
public interface PromptTasks {

    /** The id of the newest open task answering the prompt of this kind in the deal's process, if there is one. */
    Optional<String> openTaskId(Deal deal, PromptKind kind);
}
