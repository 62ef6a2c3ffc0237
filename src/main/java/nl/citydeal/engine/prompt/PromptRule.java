package nl.citydeal.engine.prompt;

import java.math.BigDecimal;

/**
 * One row of the prompt schedule: a prompt falls at a fraction of the term, no later than some months before
 * the end; or it repeats every so many months. Administrators keep these rows in the {@code prompt-schedule}
 * decision table.
 */
public record PromptRule(
        PromptKind kind, BigDecimal fractionOfTerm, Integer latestMonthsBeforeEnd, Integer repeatEveryMonths) {

    public PromptRule {
        if (kind == null) {
            throw new IllegalArgumentException("A prompt rule needs a kind");
        }
        if ((fractionOfTerm == null) == (repeatEveryMonths == null)) {
            throw new IllegalArgumentException(
                    "Prompt rule " + kind + " needs either a fraction of the term or a repeat interval");
        }
        if (fractionOfTerm != null && (fractionOfTerm.signum() < 0 || fractionOfTerm.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException(
                    "Prompt rule " + kind + ": fraction " + fractionOfTerm + " is not in [0, 1]");
        }
    }

    public boolean repeats() {
        return repeatEveryMonths != null;
    }
}
