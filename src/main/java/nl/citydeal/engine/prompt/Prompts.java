package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import nl.citydeal.engine.deal.DealSelection;
import nl.citydeal.engine.deal.NextPromptDates;
import nl.citydeal.engine.deal.Term;

/**
 * The record of every deal's prompts: planned from the term, fired when their date comes, done when their task
 * is done, cancelled when the experimentation ends without them. Written in the transaction of the process
 * step that causes the change.
 */
@Service
@Transactional
public class Prompts {

    private static final List<PromptStatus> OPEN = List.of(PromptStatus.PLANNED, PromptStatus.DUE);

    private final PromptRepository prompts;
    private final NextPromptDates nextPromptDates;
    private final EntityManager entityManager;
    private final Counter fired;

    public Prompts(
            PromptRepository prompts,
            NextPromptDates nextPromptDates,
            EntityManager entityManager,
            MeterRegistry meters) {
        this.prompts = prompts;
        this.nextPromptDates = nextPromptDates;
        this.entityManager = entityManager;
        this.fired = Counter.builder("citydeal.prompts.fired")
                .description("Prompts that fell due on this node (committed; sum over the nodes for the cluster)")
                .register(meters);
    }

    /**
     * Plans the deal's prompts from its term: prompts not yet fired take their (new) dates; fired, done and
     * cancelled ones stay as they are. The answerability review is planned at every interval until the end.
     */
    public void plan(String dealId, Term term, PromptPlan plan) {
        List<Prompt> existing = prompts.findByDealIdOrderByDueAtAscIdAsc(dealId);
        existing.stream().filter(p -> p.getStatus() == PromptStatus.PLANNED).forEach(prompts::delete);
        for (PromptKind kind : PromptKind.values()) {
            if (kind == PromptKind.ANSWERABILITY_REVIEW) {
                continue;
            }
            boolean settled =
                    existing.stream().anyMatch(p -> p.getKind() == kind && p.getStatus() != PromptStatus.PLANNED);
            if (!settled) {
                prompts.save(new Prompt(dealId, kind, plan.dueAt(kind).toInstant()));
            }
        }
        Instant end = plan.termEndsAt().toInstant();
        // on Dutch time, so every review falls at 09:00 in summer and winter alike
        for (ZonedDateTime review = plan.firstAnswerabilityReview().atZoneSameInstant(PromptSchedule.ZONE);
                review.toInstant().isBefore(end);
                review = review.plus(plan.answerabilityInterval())) {
            Instant due = review.toInstant();
            boolean settled = existing.stream()
                    .anyMatch(p -> p.getKind() == PromptKind.ANSWERABILITY_REVIEW
                            && p.getStatus() != PromptStatus.PLANNED
                            && p.getDueAt().equals(due));
            if (!settled) {
                prompts.save(new Prompt(dealId, PromptKind.ANSWERABILITY_REVIEW, due));
            }
        }
        nextPromptChanged(dealId);
    }

    /** The prompt fell due: its earliest planned occurrence fires. Returns the prompt that fired. */
    public Prompt fire(String dealId, PromptKind kind, Instant at) {
        Prompt prompt = earliest(dealId, kind, PromptStatus.PLANNED)
                .orElseGet(() -> prompts.save(new Prompt(dealId, kind, at)));
        prompt.fire(at);
        nextPromptChanged(dealId);
        countWhenCommitted(fired);
        return prompt;
    }

    /**
     * The prompt's task was done, before or after it fell due. A delivered scaling plan also settles the
     * escalation that would have followed its absence: the escalation is cancelled, so it is neither reminded of
     * nor shown as planned.
     */
    public void done(String dealId, PromptKind kind, String by, Instant at) {
        earliest(dealId, kind, PromptStatus.DUE)
                .or(() -> earliest(dealId, kind, PromptStatus.PLANNED))
                .ifPresent(prompt -> prompt.done(by, at));
        if (kind == PromptKind.SCALING_PLAN_DUE) {
            prompts.findByDealIdOrderByDueAtAscIdAsc(dealId).stream()
                    .filter(p ->
                            p.getKind() == PromptKind.SCALING_PLAN_ESCALATION && p.getStatus() == PromptStatus.PLANNED)
                    .forEach(Prompt::cancel);
        }
        nextPromptChanged(dealId);
    }

    /** The prompt's task was cancelled (the experimentation ended without it). */
    public void cancel(String dealId, PromptKind kind) {
        earliest(dealId, kind, PromptStatus.DUE)
                .or(() -> earliest(dealId, kind, PromptStatus.PLANNED))
                .ifPresent(Prompt::cancel);
        nextPromptChanged(dealId);
    }

    /** The experimentation ended: nothing planned will fire any more. */
    public void cancelPlanned(String dealId) {
        prompts.findByDealIdOrderByDueAtAscIdAsc(dealId).stream()
                .filter(p -> p.getStatus() == PromptStatus.PLANNED)
                .forEach(Prompt::cancel);
        nextPromptChanged(dealId);
    }

    @Transactional(readOnly = true)
    public List<Prompt> forDeal(String dealId) {
        return prompts.findByDealIdOrderByDueAtAscIdAsc(dealId);
    }

    @Transactional(readOnly = true)
    public Optional<Prompt> find(Long id) {
        return prompts.findById(id);
    }

    /** Every open (planned or due) prompt whose date is before the moment, overdue ones included. */
    @Transactional(readOnly = true)
    public List<Prompt> openDueBefore(Instant before) {
        return prompts.findByStatusInAndDueAtBefore(OPEN, before).stream()
                .sorted(Comparator.comparing(Prompt::getDueAt).thenComparing(Prompt::getId))
                .toList();
    }

    /** Open prompts falling due in [from, to), of the selected deals (of every deal: null). One query. */
    @Transactional(readOnly = true)
    public long countOpenDueBetween(Instant from, Instant to, DealSelection deals) {
        return countOpen(
                deals,
                (prompt, builder) -> builder.and(
                        builder.greaterThanOrEqualTo(prompt.get("dueAt"), from),
                        builder.lessThan(prompt.get("dueAt"), to)));
    }

    /** Open prompts whose date has passed (overdue), of the selected deals (of every deal: null). One query. */
    @Transactional(readOnly = true)
    public long countOverdue(Instant now, DealSelection deals) {
        return countOpen(deals, (prompt, builder) -> builder.lessThan(prompt.get("dueAt"), now));
    }

    private long countOpen(DealSelection deals, BiFunction<Root<Prompt>, CriteriaBuilder, Predicate> when) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        Root<Prompt> prompt = query.from(Prompt.class);
        List<Predicate> where = new ArrayList<>(List.of(prompt.get("status").in(OPEN), when.apply(prompt, builder)));
        if (deals != null) {
            where.add(prompt.get("dealId").in(deals.ids(query, builder)));
        }
        return entityManager
                .createQuery(query.select(builder.count(prompt)).where(where.toArray(Predicate[]::new)))
                .getSingleResult();
    }

    /** Tells the deal when its earliest open prompt falls due now, after one of its prompts changed. */
    private void nextPromptChanged(String dealId) {
        nextPromptDates.changed(
                dealId,
                prompts.findFirstByDealIdAndStatusInOrderByDueAtAsc(dealId, OPEN)
                        .map(Prompt::getDueAt)
                        .orElse(null));
    }

    /** The open (planned or due) prompts of these deals, earliest first. */
    @Transactional(readOnly = true)
    public List<Prompt> openForDeals(Collection<String> dealIds) {
        return dealIds.isEmpty() ? List.of() : prompts.findByDealIdInAndStatusInOrderByDueAtAsc(dealIds, OPEN);
    }

    /** Counts once the transaction commits: a job that another node also ran, and lost, counts nowhere. */
    private static void countWhenCommitted(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private Optional<Prompt> earliest(String dealId, PromptKind kind, PromptStatus status) {
        return prompts.findByDealIdOrderByDueAtAscIdAsc(dealId).stream()
                .filter(p -> p.getKind() == kind && p.getStatus() == status)
                .min(Comparator.comparing(Prompt::getDueAt));
    }
}
