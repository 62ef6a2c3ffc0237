package nl.citydeal.engine.prompt;

import java.util.Optional;

/**
 * Reads the prompt schedule from a decision table that is not deployed (an upload under review), evaluated the
 * way the engine evaluates the deployed one.
 */
public interface PromptRuleTables {

    /** The rules of the {@code prompt-schedule} decision in the DMN file; empty when it holds no such decision. */
    Optional<PromptRules> read(byte[] dmn);
}
