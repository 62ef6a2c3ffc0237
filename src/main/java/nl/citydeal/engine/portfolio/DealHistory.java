package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.dossier.DossierEntry;
import nl.citydeal.engine.prompt.Prompt;

/**
 * Everything that happened to a deal, newest first, merged from what is recorded already: the registry's decisions
 * (term and lead changes among them), the completed steps of its dossier, and its prompts that fired or were done.
 * Read only; nothing is written for it.
 */
public final class DealHistory {

    private DealHistory() {}

    /** What a line of the history is. */
    public enum Source {
        DECISION,
        STEP,
        PROMPT_FIRED,
        PROMPT_DONE
    }

    /**
     * One dated line: when, what (the decision, step or prompt it stems from; exactly one is set) and who (null for
     * the system).
     */
    public record Line(Instant at, Source source, DealDecision decision, DossierEntry step, Prompt prompt) {

        public String who() {
            return switch (source) {
                case DECISION -> decision.getDecidedBy();
                case STEP -> step.getCompletedBy();
                case PROMPT_FIRED -> null;
                case PROMPT_DONE -> prompt.getDoneBy();
            };
        }
    }

    /**
     * The lines newest first; lines at the same moment in the reverse of the order they were recorded in (each
     * source's lists come oldest first).
     */
    public static List<Line> of(List<DealDecision> decisions, List<DossierEntry> steps, List<Prompt> prompts) {
        List<Line> lines = new ArrayList<>();
        decisions.forEach(d -> lines.add(new Line(d.getDecidedAt(), Source.DECISION, d, null, null)));
        steps.forEach(s -> lines.add(new Line(s.getCompletedAt(), Source.STEP, null, s, null)));
        for (Prompt prompt : prompts) {
            if (prompt.getFiredAt() != null) {
                lines.add(new Line(prompt.getFiredAt(), Source.PROMPT_FIRED, null, null, prompt));
            }
            if (prompt.getDoneAt() != null) {
                lines.add(new Line(prompt.getDoneAt(), Source.PROMPT_DONE, null, null, prompt));
            }
        }
        lines.removeIf(line -> line.at() == null);
        Collections.reverse(lines);
        lines.sort(Comparator.comparing(Line::at).reversed());
        return List.copyOf(lines);
    }
}
