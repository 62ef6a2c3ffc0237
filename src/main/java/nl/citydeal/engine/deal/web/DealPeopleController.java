package nl.citydeal.engine.deal.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.AdministrativeLead;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ParticipantContact;
import nl.citydeal.engine.system.ForbiddenException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The people of a deal over HTTP: its lead, deputies, administrative leads and the participants' contact persons.
 * Whoever sees the deal reads them (anyone else gets the 404 of a deal that does not exist); the programme office,
 * the deal's lead and its deputies replace them with {@code PUT} (403 for others who see the deal). Bad input is a
 * 400 problem with a Dutch message per field, and nothing changes.
 */
@RestController
@RequestMapping("/api/deals/{id}/people")
class DealPeopleController {

    private final DealRegistry registry;
    private final DealPeople people;

    DealPeopleController(DealRegistry registry, DealPeople people) {
        this.registry = registry;
        this.people = people;
    }

    @GetMapping
    PeopleResponse get(@PathVariable String id, Authentication user) {
        visible(id, user);
        return PeopleResponse.of(people.of(id));
    }

    @PutMapping
    PeopleResponse change(@PathVariable String id, @RequestBody PeopleRequest request, Authentication user) {
        Deal deal = visible(id, user);
        if (!DealPeople.mayChange(deal, user.getName(), Viewer.inProgrammeOffice(user))) {
            throw new ForbiddenException(DealPeople.NOT_ALLOWED);
        }
        return PeopleResponse.of(people.change(id, request.toChange(), user.getName()));
    }

    private Deal visible(String id, Authentication user) {
        Deal deal = registry.get(id);
        if (!Viewer.of(user).sees(deal.leads())) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(id));
        }
        return deal;
    }

    record AdministrativeLeadBody(String name, String organisation, String email) {

        static AdministrativeLeadBody of(AdministrativeLead lead) {
            return new AdministrativeLeadBody(lead.name(), lead.organisation(), lead.email());
        }
    }

    record ContactBody(Long participantId, String participant, String name, String role, String email) {}

    record PeopleRequest(
            List<String> deputies, List<AdministrativeLeadBody> administrativeLeads, List<ContactBody> contacts) {

        DealPeople.Change toChange() {
            return new DealPeople.Change(
                    deputies,
                    administrativeLeads == null
                            ? List.of()
                            : administrativeLeads.stream()
                                    .map(l -> l == null
                                            ? new DealPeople.PersonChange(null, null, null)
                                            : new DealPeople.PersonChange(l.name(), l.organisation(), l.email()))
                                    .toList(),
                    contacts == null
                            ? List.of()
                            : contacts.stream()
                                    .map(c -> c == null
                                            ? new DealPeople.ContactChange(null, null)
                                            : new DealPeople.ContactChange(
                                                    c.participantId(),
                                                    new DealPeople.PersonChange(c.name(), c.role(), c.email())))
                                    .toList());
        }
    }

    record PeopleResponse(
            String dealLead,
            List<String> deputies,
            List<AdministrativeLeadBody> administrativeLeads,
            List<ContactBody> contacts) {

        static PeopleResponse of(DealPeople.People people) {
            return new PeopleResponse(
                    people.dealLead(),
                    people.deputies(),
                    people.administrativeLeads().stream()
                            .map(AdministrativeLeadBody::of)
                            .toList(),
                    people.contacts().stream()
                            .filter(c -> c.contact() != null)
                            .map(c -> {
                                ParticipantContact contact = c.contact();
                                return new ContactBody(
                                        c.participantId(),
                                        c.participant(),
                                        contact.name(),
                                        contact.role(),
                                        contact.email());
                            })
                            .toList());
        }
    }
}
