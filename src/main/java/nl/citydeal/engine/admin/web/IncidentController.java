package nl.citydeal.engine.admin.web;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.admin.Incident;
import nl.citydeal.engine.admin.Incidents;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.ConflictException;
import nl.citydeal.engine.system.NotFoundException;

/**
 * Storingen ({@code /admin/incidents}, administrators only): what failed and waits for an administrator, with its
 * cause and a retry button; a mail given up can also be let go. The same as JSON under {@code /api/admin/incidents}.
 */
@Controller
class IncidentController {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/admin/incidents")
    String page(Model model) {
        List<Incident> open = incidents.open();
        model.addAttribute("incidents", open.stream().map(Line::of).toList());
        return "admin/incidents";
    }

    @PostMapping("/admin/incidents/{source}/{id}/retry")
    String retry(@PathVariable String source, @PathVariable String id, Principal user, RedirectAttributes redirect) {
        return act(() -> incidents.retry(source(source), id, user.getName()), redirect);
    }

    @PostMapping("/admin/incidents/{source}/{id}/dismiss")
    String dismiss(@PathVariable String source, @PathVariable String id, Principal user, RedirectAttributes redirect) {
        return act(() -> incidents.dismiss(source(source), id, user.getName()), redirect);
    }

    private static String act(Supplier<String> action, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (NotFoundException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/incidents";
    }

    @GetMapping("/api/admin/incidents")
    @ResponseBody
    List<Incident> list() {
        return incidents.open();
    }

    @PostMapping("/api/admin/incidents/{source}/{id}/retry")
    @ResponseBody
    @ResponseStatus(HttpStatus.OK)
    Outcome retryByApi(@PathVariable String source, @PathVariable String id, Principal user) {
        return new Outcome(incidents.retry(source(source), id, user.getName()));
    }

    @PostMapping("/api/admin/incidents/{source}/{id}/dismiss")
    @ResponseBody
    Outcome dismissByApi(@PathVariable String source, @PathVariable String id, Principal user) {
        return new Outcome(incidents.dismiss(source(source), id, user.getName()));
    }

    private static Incident.Source source(String text) {
        Incident.Source source = Incident.Source.of(text);
        if (source == null) {
            throw new NotFoundException("Deze storing bestaat niet (meer): misschien is hij intussen opgelost.");
        }
        return source;
    }

    /** What a retry or dismissal did, in Dutch. */
    record Outcome(String message) {}

    /** One incident as the page shows it. */
    record Line(
            String source,
            String sourceLabel,
            String id,
            String since,
            String what,
            String cause,
            String details,
            String dealId,
            String dealName,
            boolean retryable,
            boolean dismissable) {

        static Line of(Incident incident) {
            return new Line(
                    incident.source().name().toLowerCase(Locale.ROOT),
                    incident.source().label(),
                    incident.id(),
                    moment(incident.since()),
                    incident.what(),
                    incident.cause(),
                    incident.details(),
                    incident.dealId(),
                    incident.dealName(),
                    incident.retryable(),
                    incident.source() == Incident.Source.MAIL);
        }

        private static String moment(Instant instant) {
            return instant.atZone(PromptSchedule.ZONE).format(MOMENT);
        }
    }
}
