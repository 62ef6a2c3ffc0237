package nl.citydeal.engine.prompt.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.Viewer;

/** Every prompt of a deal: planned, due, done or cancelled, with its moment in Dutch time. */
@RestController
class PromptController {

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Clock clock;

    PromptController(DealRegistry registry, Prompts promptLog, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
    }

    @GetMapping("/api/deals/{id}/prompts")
    List<PromptResponse> prompts(@PathVariable String id, Authentication user) {
        Deal deal = registry.get(id);
        if (!Viewer.of(user).sees(deal.leads())) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(id));
        }
        Instant now = clock.instant();
        return promptLog.forDeal(id).stream()
                .map(p -> PromptResponse.of(p, now))
                .toList();
    }

    record PromptResponse(
            PromptKind kind,
            String label,
            String lesson,
            OffsetDateTime dueAt,
            PromptStatus status,
            boolean overdue,
            OffsetDateTime firedAt,
            OffsetDateTime doneAt,
            String doneBy) {

        static PromptResponse of(Prompt p, Instant now) {
            return new PromptResponse(
                    p.getKind(),
                    p.getKind().label(),
                    p.getKind().lesson(),
                    dutch(p.getDueAt()),
                    p.getStatus(),
                    p.isOverdue(now),
                    dutch(p.getFiredAt()),
                    dutch(p.getDoneAt()),
                    p.getDoneBy());
        }

        private static OffsetDateTime dutch(Instant instant) {
            return instant == null ? null : instant.atZone(PromptSchedule.ZONE).toOffsetDateTime();
        }
    }
}
