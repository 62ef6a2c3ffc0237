package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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
    private final Counter fired;

    public Prompts(PromptRepository prompts, MeterRegistry meters) {
        this.prompts = prompts;
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
    }

    /** The prompt fell due: its earliest planned occurrence fires. Returns the prompt that fired. */
    public Prompt fire(String dealId, PromptKind kind, Instant at) {
        Prompt prompt = earliest(dealId, kind, PromptStatus.PLANNED)
                .orElseGet(() -> prompts.save(new Prompt(dealId, kind, at)));
        prompt.fire(at);
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
    }

    /** The prompt's task was cancelled (the experimentation ended without it). */
    public void cancel(String dealId, PromptKind kind) {
        earliest(dealId, kind, PromptStatus.DUE)
                .or(() -> earliest(dealId, kind, PromptStatus.PLANNED))
                .ifPresent(Prompt::cancel);
    }

    /** The experimentation ended: nothing planned will fire any more. */
    public void cancelPlanned(String dealId) {
        prompts.findByDealIdOrderByDueAtAscIdAsc(dealId).stream()
                .filter(p -> p.getStatus() == PromptStatus.PLANNED)
                .forEach(Prompt::cancel);
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

    /** Open prompts falling due in [from, to), of one lead's deals when given. */
    @Transactional(readOnly = true)
    public long countOpenDueBetween(Instant from, Instant to, String dealLead) {
        return prompts.countDueBetween(OPEN, from, to, dealLead);
    }

    /** Open prompts whose date has passed (overdue), of one lead's deals when given. */
    @Transactional(readOnly = true)
    public long countOverdue(Instant now, String dealLead) {
        return prompts.countDueBefore(OPEN, now, dealLead);
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
