package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moments of every timed prompt of one stretch of a term (from signing, or from the start of an extension, to
 * the end): one date per prompt kind, and the dates of the recurring answerability review before the end.
 */
public record PromptPlan(
        Map<PromptKind, OffsetDateTime> dueDates,
        OffsetDateTime plannedFrom,
        OffsetDateTime termEndsAt,
        List<OffsetDateTime> answerabilityReviews) {

    public PromptPlan {
        dueDates = Map.copyOf(dueDates);
        answerabilityReviews = List.copyOf(answerabilityReviews);
    }

    /** When a prompt that falls once falls due. */
    public OffsetDateTime dueAt(PromptKind kind) {
        OffsetDateTime due = dueDates.get(kind);
        if (due == null) {
            throw new IllegalStateException("Het herinneringsschema heeft geen datum voor " + kind);
        }
        return due;
    }

    /**
     * The answerability review to wait for when planning at {@code now}: the most recent review date that has
     * passed (one missed review, overdue at once) or, when none has, the first one to come. Earlier missed dates
     * are not planned: one open review stands for them. Empty when no review falls before the end.
     */
    public Optional<OffsetDateTime> answerabilityReviewToPlan(Instant now) {
        OffsetDateTime latestPassed = null;
        for (OffsetDateTime review : answerabilityReviews) {
            if (review.toInstant().isAfter(now)) {
                return Optional.of(latestPassed != null ? latestPassed : review);
            }
            latestPassed = review;
        }
        return Optional.ofNullable(latestPassed);
    }

    /** The first answerability review after the moment, before the end; empty when none is left. */
    public Optional<OffsetDateTime> answerabilityReviewAfter(Instant moment) {
        return answerabilityReviews.stream()
                .filter(review -> review.toInstant().isAfter(moment))
                .findFirst();
    }
}
