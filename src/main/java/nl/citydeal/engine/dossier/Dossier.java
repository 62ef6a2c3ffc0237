package nl.citydeal.engine.dossier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        List<DossierField> fields = new ArrayList<>();
        for (CompletedStep.Answer answer : step.answers()) {
            String text = answer.field().text(answer.value());
            if (text != null) {
                fields.add(new DossierField(
                        answer.field().key(), cut(answer.field().label(), 1000), cut(text, MAX_ANSWER)));
            }
        }
        return entries.save(new DossierEntry(step, clock.instant(), fields));
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
}
