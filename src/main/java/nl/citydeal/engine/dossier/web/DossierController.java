package nl.citydeal.engine.dossier.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.dossier.DossierEntry;
import nl.citydeal.engine.dossier.DossierField;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/** A deal's dossier over HTTP: every completed form, oldest first. Deal leads see only their own deals; others 404. */
@RestController
class DossierController {

    private final DealRegistry registry;
    private final Dossier dossier;
    private final PersonNames names;

    DossierController(DealRegistry registry, Dossier dossier, PersonNames names) {
        this.registry = registry;
        this.dossier = dossier;
        this.names = names;
    }

    @GetMapping("/api/deals/{id}/dossier")
    List<EntryResponse> dossier(@PathVariable String id, Authentication user) {
        Deal deal = registry.get(id);
        if (!Viewer.of(user).sees(deal.leads())) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(id));
        }
        List<DossierEntry> entries = dossier.of(id);
        PersonNames.Names people =
                names.namesOf(entries.stream().map(DossierEntry::getCompletedBy).toList());
        return entries.stream().map(entry -> EntryResponse.of(entry, people)).toList();
    }

    record EntryResponse(
            String activityId,
            String taskName,
            DealPhase phase,
            String phaseLabel,
            String lesson,
            String completedBy,
            String completedByName,
            OffsetDateTime completedAt,
            boolean fromHistory,
            String sourceLabel,
            List<FieldResponse> fields) {

        static EntryResponse of(DossierEntry entry, PersonNames.Names people) {
            return new EntryResponse(
                    entry.getActivityId(),
                    entry.getTaskName(),
                    entry.getPhase(),
                    entry.getPhase() == null ? null : entry.getPhase().label(),
                    entry.getLesson(),
                    entry.getCompletedBy(),
                    people.of(entry.getCompletedBy()),
                    dutch(entry.getCompletedAt()),
                    entry.isFromHistory(),
                    entry.isFromHistory() ? "uit de procesgeschiedenis" : "vastgelegd bij het afronden",
                    entry.getFields().stream().map(FieldResponse::of).toList());
        }

        private static OffsetDateTime dutch(Instant instant) {
            return instant.atZone(PromptSchedule.ZONE).toOffsetDateTime();
        }
    }

    record FieldResponse(String key, String label, String value) {

        static FieldResponse of(DossierField field) {
            return new FieldResponse(field.getFieldKey(), field.getLabel(), field.getText());
        }
    }
}
