package nl.citydeal.engine.prompt;

import java.util.List;

/**
 * Plans a running deal's prompts from its term: the dates the process waits for, the prompt log and the due
 * dates of open prompt tasks, in the current transaction. Prompts that fired stay fired. The engine glue of
 * other features (a changed term, a migration) asks for it here; the prompt feature's engine glue carries it out.
 */
public interface PromptPlanning {

    /** Plans from the {@code signedOn} and {@code endsOn} variables of a waiting process instance. */
    void plan(String processInstanceId, String dealId);

    /**
     * Plans the prompts of a running deal again with the prompt schedule as it is deployed now (after an
     * administrator changed it). Only deals in the experimentation phase have prompts waiting; others are left
     * alone. Answers whether the deal was re-planned.
     */
    boolean replan(String processInstanceId);

    /**
     * The stretch every running deal in the experimentation phase has its prompts planned over, with the prompts
     * still to come: what {@link #plan} plans again.
     */
    List<PromptStretch> stretches();
}
