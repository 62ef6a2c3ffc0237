package nl.citydeal.engine.prompt;

import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Map;

/**
 * The moments of every timed prompt of one term. The answerability review repeats from its first date at its
 * interval until the term ends.
 */
public record PromptPlan(
        Map<PromptKind, OffsetDateTime> dueDates,
        OffsetDateTime termEndsAt,
        OffsetDateTime firstAnswerabilityReview,
        Period answerabilityInterval) {

    public PromptPlan {
        dueDates = Map.copyOf(dueDates);
    }

    public OffsetDateTime dueAt(PromptKind kind) {
        OffsetDateTime due = kind == PromptKind.ANSWERABILITY_REVIEW ? firstAnswerabilityReview : dueDates.get(kind);
        if (due == null) {
            throw new IllegalStateException("The prompt schedule has no row for " + kind);
        }
        return due;
    }

    /** The answerability reviews as an ISO 8601 repeating interval, e.g. {@code R/2024-09-01T09:00+02:00/P6M}. */
    public String answerabilityCycle() {
        return "R/" + firstAnswerabilityReview + "/" + answerabilityInterval;
    }
}
