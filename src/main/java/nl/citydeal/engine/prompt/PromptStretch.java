package nl.citydeal.engine.prompt;

import java.time.LocalDate;
import java.util.Set;

/**
 * The stretch of term a running deal's prompts are planned over (from the signing or the start of its extension to
 * its end), and the prompts that fall once which the process still waits for: those a new plan moves.
 */
public record PromptStretch(
        String dealId, String processInstanceId, LocalDate from, LocalDate endsOn, Set<PromptKind> stillOpen) {

    public PromptStretch {
        stillOpen = Set.copyOf(stillOpen);
    }
}
