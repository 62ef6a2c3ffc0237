package nl.citydeal.engine.deal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/**
 * Which deals a list shows: by phase, theme (part of, any case), deal lead, the deals a user leads or is a deputy
 * of, what it means to scale (one of its intents), whether a prompt is overdue (the deal's earliest open prompt fell
 * due before {@code now}) and among which ids; a null criterion does not filter. One definition for the
 * deal list of the API, the portfolio overview and the counts of other features, which take the selected deals as a
 * subquery of ids ({@link #ids}) rather than naming the deal in their own queries.
 */
public record DealSelection(DealCriteria criteria, Instant now) {

    /** The selection as a Spring Data specification of deals. */
    public Specification<Deal> specification() {
        return (deal, query, builder) -> builder.and(predicates(deal, query, builder));
    }

    /** The ids of the selected deals, as a subquery of another query: {@code x.dealId in (ids)}. */
    public Subquery<String> ids(AbstractQuery<?> query, CriteriaBuilder builder) {
        Subquery<String> ids = query.subquery(String.class);
        Root<Deal> deal = ids.from(Deal.class);
        return ids.select(deal.get("id")).where(predicates(deal, ids, builder));
    }

    Predicate[] predicates(Root<Deal> deal, AbstractQuery<?> query, CriteriaBuilder builder) {
        List<Predicate> where = new ArrayList<>();
        if (criteria.phase() != null) {
            where.add(builder.equal(deal.get("phase"), criteria.phase()));
        }
        if (criteria.theme() != null) {
            where.add(builder.like(
                    builder.lower(deal.get("theme")), "%" + criteria.theme().toLowerCase(Locale.ROOT) + "%"));
        }
        if (criteria.dealLead() != null) {
            where.add(builder.equal(deal.get("dealLead"), criteria.dealLead()));
        }
        if (criteria.ledBy() != null) {
            where.add(builder.or(
                    builder.equal(deal.get("dealLead"), criteria.ledBy()),
                    builder.isMember(criteria.ledBy(), deal.<java.util.Collection<String>>get("deputies"))));
        }
        if (criteria.scalingIntent() != null) {
            where.add(builder.isMember(criteria.scalingIntent(), deal.<Set<ScalingIntent>>get("scalingIntents")));
        }
        if (criteria.overdueOnly()) {
            where.add(builder.lessThan(deal.get("nextPromptDueAt"), now));
        }
        if (criteria.onlyIds() != null) {
            where.add(
                    criteria.onlyIds().isEmpty()
                            ? builder.disjunction()
                            : deal.get("id").in(criteria.onlyIds()));
        }
        if (criteria.stalled() != null) {
            where.add(stalled(criteria.stalled(), deal, query, builder));
        }
        return where.toArray(Predicate[]::new);
    }

    /** The rules of {@link Stall#of} as a predicate: one query, whatever the number of deals. */
    private static Predicate stalled(
            StallCutoffs cutoffs, Root<Deal> deal, AbstractQuery<?> query, CriteriaBuilder builder) {
        Predicate scalingDecisionOpen = builder.and(
                builder.equal(deal.get("phase"), DealPhase.SCALING_DECISION),
                builder.lessThan(deal.get("phaseEnteredAt"), cutoffs.phaseEnteredBefore()));
        Subquery<String> sentBack = query.subquery(String.class);
        Root<DealDecision> review = sentBack.from(DealDecision.class);
        Subquery<String> laterReview = sentBack.subquery(String.class);
        Root<DealDecision> later = laterReview.from(DealDecision.class);
        laterReview
                .select(later.get("dealId"))
                .where(
                        builder.equal(later.get("dealId"), review.get("dealId")),
                        builder.equal(later.get("kind"), DealDecision.Kind.PROPOSAL_REVIEWED),
                        builder.greaterThan(later.get("decidedAt"), review.<Instant>get("decidedAt")));
        sentBack.select(review.get("dealId"))
                .where(
                        builder.equal(review.get("dealId"), deal.get("id")),
                        builder.equal(review.get("kind"), DealDecision.Kind.PROPOSAL_REVIEWED),
                        builder.equal(review.get("outcome"), ReviewOutcome.SEND_BACK),
                        builder.lessThan(review.get("decidedAt"), cutoffs.sentBackBefore()),
                        builder.not(builder.exists(laterReview)),
                        builder.or(
                                builder.isNull(deal.get("lastStepAt")),
                                builder.lessThanOrEqualTo(deal.get("lastStepAt"), review.<Instant>get("decidedAt"))));
        Predicate proposalSentBack =
                builder.and(builder.equal(deal.get("phase"), DealPhase.PREPARATION), builder.exists(sentBack));
        return builder.or(scalingDecisionOpen, proposalSentBack);
    }
}
