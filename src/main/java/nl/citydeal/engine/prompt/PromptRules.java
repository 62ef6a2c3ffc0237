package nl.citydeal.engine.prompt;

import java.util.List;

/** Where the prompt schedule comes from: the {@code prompt-schedule} decision table. */
public interface PromptRules {

    List<PromptRule> forTerm(long termInDays);
}
