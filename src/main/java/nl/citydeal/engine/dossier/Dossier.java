package nl.citydeal.engine.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.DealPhase;

/**
 * A deal's dossier: every completed form of the deal, with the step, the phase, the lesson behind it, who completed it
 * and when, and each answer under the label the form had. Recorded in the transaction that completes the task, so a
 * completion that fails records nothing.
 */
@Service
public class Dossier {

    private final DossierEntryRepository entries;
    private final Clock clock;

    public Dossier(DossierEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records a completed step with the answers of its form that have a value (an unanswered optional field is left
     * out; a checkbox left unticked is "nee").
     */
    @Transactional
    public DossierEntry record(CompletedStep step) {
        return entries.save(new DossierEntry(step, clock.instant(), fieldsOf(step)));
    }

    /**
     * Records a step that was completed at {@code completedAt} before the dossier existed, as the engine's history
     * still holds it; the entry is marked "uit de procesgeschiedenis". A task already in the dossier is left as it is.
     */
    @Transactional
    public Optional<DossierEntry> recordFromHistory(CompletedStep step, Instant completedAt) {
        if (step.taskId() != null
                && !entries.recordedTaskIds(List.of(step.taskId())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entries.save(new DossierEntry(step, completedAt, fieldsOf(step), true)));
    }

    /** Of these task ids, the ones the dossier holds an entry for. */
    @Transactional(readOnly = true)
    public Set<String> recordedTasks(Collection<String> taskIds) {
        return taskIds.isEmpty() ? Set.of() : Set.copyOf(entries.recordedTaskIds(taskIds));
    }

    /** When the first step was recorded as it was completed: a step completed earlier may be missing. */
    @Transactional(readOnly = true)
    public Optional<Instant> recordingSince() {
        return entries.firstRecordedLive();
    }

    private static List<DossierField> fieldsOf(CompletedStep step) {
        List<DossierField> fields = new ArrayList<>();
        for (CompletedStep.Answer answer : step.answers()) {
            String text = answer.field().text(answer.value());
            if (text != null) {
                fields.add(new DossierField(
                        answer.field().key(), cut(answer.field().label(), 1000), cut(text, MAX_ANSWER)));
            }
        }
        return fields;
    }

    /** The longest answer kept (the forms allow 4000 characters); a longer one is cut, marked by an ellipsis. */
    static final int MAX_ANSWER = 10000;

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The deal's completed steps, oldest first. */
    @Transactional(readOnly = true)
    public List<DossierEntry> of(String dealId) {
        return entries.findByDealIdOrderByCompletedAtAscIdAsc(dealId);
    }

    /** The deal's completed steps per phase, the phases in the order of a deal's life, each phase's oldest first. */
    @Transactional(readOnly = true)
    public List<PhaseSteps> byPhase(String dealId) {
        Map<DealPhase, List<DossierEntry>> phases = new LinkedHashMap<>();
        of(dealId).stream()
                .sorted(Comparator.comparing(
                        (DossierEntry entry) -> entry.getPhase(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(entry -> phases.computeIfAbsent(entry.getPhase(), p -> new ArrayList<>())
                        .add(entry));
        return phases.entrySet().stream()
                .map(phase -> new PhaseSteps(phase.getKey(), phase.getValue()))
                .toList();
    }

    /** The steps of one phase; the phase is null for steps recorded before the process set one. */
    public record PhaseSteps(DealPhase phase, List<DossierEntry> steps) {

        public String label() {
            return phase == null ? "Zonder fase" : phase.label();
        }

        public PhaseSteps {
            steps = List.copyOf(Objects.requireNonNull(steps));
        }
    }

    /** Removes the deal's dossier (its steps with their answers), as retention does; returns how many steps. */
    @Transactional
    public int removeOf(String dealId) {
        entries.deleteFieldsOfDeal(dealId);
        return entries.deleteEntriesOfDeal(dealId);
    }
}
