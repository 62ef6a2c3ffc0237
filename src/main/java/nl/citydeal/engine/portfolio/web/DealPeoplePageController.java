package nl.citydeal.engine.portfolio.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.portfolio.DealDossier;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The deal page's "Mensen": its form posts here (with the page's CSRF token) and comes back to the deal page with a
 * Dutch message; on bad input nothing is changed. Deputies come as user names separated by commas or spaces; the
 * administrative leads and the contact persons as rows of fields (a row left empty is no one).
 */
@Controller
class DealPeoplePageController {

    private final DealDossier dossier;
    private final DealPeople people;
    private final PersonNames names;

    DealPeoplePageController(DealDossier dossier, DealPeople people, PersonNames names) {
        this.dossier = dossier;
        this.people = people;
        this.names = names;
    }

    @PostMapping("/deals/{id}/people")
    String change(
            @PathVariable String id,
            @RequestParam(name = "deputies", required = false) String deputies,
            @RequestParam(name = "adminName", required = false) List<String> adminNames,
            @RequestParam(name = "adminOrganisation", required = false) List<String> adminOrganisations,
            @RequestParam(name = "adminEmail", required = false) List<String> adminEmails,
            @RequestParam(name = "contactParticipant", required = false) List<String> contactParticipants,
            @RequestParam(name = "contactName", required = false) List<String> contactNames,
            @RequestParam(name = "contactRole", required = false) List<String> contactRoles,
            @RequestParam(name = "contactEmail", required = false) List<String> contactEmails,
            Authentication user,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(user);
        Deal deal = dossier.visible(id, viewer.seesAllDeals() ? null : viewer.userId());
        if (!DealPeople.mayChange(deal, user.getName(), Viewer.inProgrammeOffice(user))) {
            redirect.addFlashAttribute("peopleError", DealPeople.NOT_ALLOWED);
            return back(id);
        }
        List<DealPeople.PersonChange> leads = new ArrayList<>();
        for (int i = 0; i < size(adminNames, adminOrganisations, adminEmails); i++) {
            DealPeople.PersonChange lead =
                    new DealPeople.PersonChange(at(adminNames, i), at(adminOrganisations, i), at(adminEmails, i));
            if (!blank(lead)) {
                leads.add(lead);
            }
        }
        List<DealPeople.ContactChange> contacts = new ArrayList<>();
        for (int i = 0; i < size(contactParticipants, contactNames, contactRoles, contactEmails); i++) {
            DealPeople.PersonChange contact =
                    new DealPeople.PersonChange(at(contactNames, i), at(contactRoles, i), at(contactEmails, i));
            if (!blank(contact)) {
                contacts.add(new DealPeople.ContactChange(participantId(at(contactParticipants, i)), contact));
            }
        }
        List<String> deputyIds = deputies == null || deputies.isBlank()
                ? List.of()
                : Arrays.stream(deputies.strip().split("[,;\\s]+")).toList();
        try {
            people.change(id, new DealPeople.Change(deputyIds, leads, contacts), user.getName());
            redirect.addFlashAttribute("peopleNotice", "De mensen van de deal zijn opgeslagen.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "peopleError",
                    "Niets gewijzigd. " + String.join(" ", e.errors().values()));
        }
        return back(id);
    }

    /** A deal the user does not see, or that is not there: the page's 404. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication user, Model model) {
        model.addAttribute("navigation", Navigation.of(user, "/deals", names));
        return "portfolio/not-found";
    }

    @SafeVarargs
    private static int size(List<String>... lists) {
        int size = 0;
        for (List<String> list : lists) {
            size = Math.max(size, list == null ? 0 : list.size());
        }
        return Math.min(size, 200);
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static boolean blank(DealPeople.PersonChange person) {
        return isBlank(person.name()) && isBlank(person.role()) && isBlank(person.email());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Long participantId(String value) {
        return value != null && value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    private static String back(String id) {
        return "redirect:/deals/" + id + "#mensen";
    }
}
