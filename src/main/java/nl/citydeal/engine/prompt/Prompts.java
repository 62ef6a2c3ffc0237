package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
     * Plans the deal's prompts of these kinds at these dates. A prompt of such a kind that has fired and whose task is
     * still open (due) takes the new date, as its task does; one that has not fired yet is planned anew; prompts that
     * are done or cancelled stay as they are. Kinds not named are left alone. An open answerability review keeps its
     * date: the next one is planned when it is held.
     */
    public void plan(String dealId, Map<PromptKind, Instant> dueDates) {
        List<Prompt> existing = prompts.findByDealIdOrderByDueAtAscIdAsc(dealId);
        existing.stream()
                .filter(p -> p.getStatus() == PromptStatus.PLANNED && dueDates.containsKey(p.getKind()))
                .forEach(prompts::delete);
        dueDates.forEach((kind, due) -> {
            List<Prompt> fired = existing.stream()
                    .filter(p -> p.getKind() == kind && p.getStatus() == PromptStatus.DUE)
                    .toList();
            if (fired.isEmpty()) {
                prompts.save(new Prompt(dealId, kind, due));
            } else if (!kind.repeats()) {
                fired.forEach(prompt -> prompt.moveTo(due));
            }
        });
        nextPromptChanged(dealId);
    }

    /** The prompt fell due: its earliest planned occurrence fires. Returns the prompt that fired. */
    public Prompt fire(String dealId, PromptKind kind, Instant at) {
        List<Prompt> ofDeal = new ArrayList<>(prompts.findByDealIdOrderByDueAtAscIdAsc(dealId));
        Prompt prompt = earliest(ofDeal, kind, PromptStatus.PLANNED).orElseGet(() -> {
            Prompt unplanned = prompts.save(new Prompt(dealId, kind, at));
            ofDeal.add(unplanned);
            return unplanned;
        });
        prompt.fire(at);
        // the deal's prompts are all in hand: its next date needs no query (nor the flush a query would cause)
        nextPromptDates.changed(dealId, nextOpenDueAt(ofDeal));
        countWhenCommitted(fired);
        return prompt;
    }

    /**
     * The prompt's task was done, before or after it fell due. A delivered scaling plan also settles the
     * escalation of its absence: one that has not fired is cancelled (it will not come), one that fired is resolved
     * by the plan (done, by whoever delivered it), as the model ends its task.
     */
    public void done(String dealId, PromptKind kind, String by, Instant at) {
        earliest(dealId, kind, PromptStatus.DUE)
                .or(() -> earliest(dealId, kind, PromptStatus.PLANNED))
                .ifPresent(prompt -> prompt.done(by, at));
        if (kind == PromptKind.SCALING_PLAN_DUE) {
            for (Prompt escalation : prompts.findByDealIdOrderByDueAtAscIdAsc(dealId)) {
                if (escalation.getKind() != PromptKind.SCALING_PLAN_ESCALATION) {
                    continue;
                }
                if (escalation.getStatus() == PromptStatus.PLANNED) {
                    escalation.cancel();
                } else if (escalation.getStatus() == PromptStatus.DUE) {
                    escalation.done(by, at);
                }
            }
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

    /**
     * The experimentation ended (its term expired, it ended early) or the deal did (closed, abandoned, stopped):
     * every prompt still open is cancelled, so nothing of it counts as planned or overdue any more.
     */
    public void settle(String dealId) {
        prompts.findByDealIdOrderByDueAtAscIdAsc(dealId).stream()
                .filter(Prompt::isOpen)
                .forEach(Prompt::cancel);
        nextPromptChanged(dealId);
    }

    @Transactional(readOnly = true)
    public List<Prompt> forDeal(String dealId) {
        return prompts.findByDealIdOrderByDueAtAscIdAsc(dealId);
    }

    /** Every prompt of these deals, whatever its status, earliest first (one query; pass at most a few hundred ids). */
    @Transactional(readOnly = true)
    public List<Prompt> forDeals(Collection<String> dealIds) {
        return dealIds.isEmpty() ? List.of() : prompts.findByDealIdInOrderByDueAtAscIdAsc(dealIds);
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
        return earliest(prompts.findByDealIdOrderByDueAtAscIdAsc(dealId), kind, status);
    }

    private static Optional<Prompt> earliest(List<Prompt> ofDeal, PromptKind kind, PromptStatus status) {
        return ofDeal.stream()
                .filter(p -> p.getKind() == kind && p.getStatus() == status)
                .min(Comparator.comparing(Prompt::getDueAt));
    }

    /** When the earliest open prompt among all of a deal's prompts falls due (none open: null). */
    static Instant nextOpenDueAt(List<Prompt> ofDeal) {
        return ofDeal.stream()
                .filter(Prompt::isOpen)
                .map(Prompt::getDueAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
