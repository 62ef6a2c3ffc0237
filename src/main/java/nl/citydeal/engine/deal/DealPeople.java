package nl.citydeal.engine.deal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.DealDecision.Kind;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.PersonNames;

/**
 * The people of a deal besides its lead: its deputies (co-leads, who see and work the deal like its lead), its
 * administrative leads (bestuurders, with whom the answerability reviews are held) and a contact person per
 * participant. A change replaces all three at once, is checked whole (a Dutch message per offending field, nothing
 * changed on any) and goes to the deal's decisions with who made it and when.
 */
@Service
@Transactional
public class DealPeople {

    /** A pragmatic e-mail address: something, an @, a domain with a dot; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_DEPUTIES = 20;
    static final int MAX_ADMINISTRATIVE_LEADS = 50;

    private final DealRegistry registry;
    private final ParticipantRepository participants;
    private final DealDecisionRepository decisions;
    private final DealProcesses processes;
    private final DealLeads dealLeads;
    private final PersonNames names;
    private final Clock clock;

    DealPeople(
            DealRegistry registry,
            ParticipantRepository participants,
            DealDecisionRepository decisions,
            DealProcesses processes,
            DealLeads dealLeads,
            PersonNames names,
            Clock clock) {
        this.names = names;
        this.registry = registry;
        this.participants = participants;
        this.decisions = decisions;
        this.processes = processes;
        this.dealLeads = dealLeads;
        this.clock = clock;
    }

    /** What a user who sees the deal but may not change its people is told. */
    public static final String NOT_ALLOWED =
            "Alleen het programmabureau, de dealtrekker en de plaatsvervangers van deze deal wijzigen de mensen van de deal.";

    /** Whether a user may change the deal's people: the programme office, the deal's lead and its deputies. */
    public static boolean mayChange(Deal deal, String userId, boolean programmeOffice) {
        return programmeOffice || deal.isLedBy(userId);
    }

    /** The people of a deal as they are now. */
    @Transactional(readOnly = true)
    public People of(String dealId) {
        Deal deal = registry.get(dealId);
        return new People(
                deal.getDealLead(),
                List.copyOf(deal.getDeputies()),
                deal.getAdministrativeLeads(),
                registry.participants(dealId).stream()
                        .map(p -> new Contact(p.getId(), p.getName(), p.getContact()))
                        .toList());
    }

    /**
     * Replaces the deal's deputies, administrative leads and contact persons (a participant left out has none). Each
     * deputy must be a deal lead, not the deal's lead, and named once; each administrative lead and contact needs a
     * name, and an e-mail address that is one when given; a contact belongs to one of the deal's participants, once.
     * Nothing changes when anything is wrong; a change that changes nothing records nothing.
     */
    public People change(String dealId, Change change, String by) {
        Deal deal = registry.get(dealId);
        List<Participant> ofDeal = registry.participants(dealId);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> deputies = checkDeputies(deal, change.deputies(), errors);
        List<AdministrativeLead> leads = checkAdministrativeLeads(change.administrativeLeads(), errors);
        Map<Long, ParticipantContact> contacts = checkContacts(ofDeal, change.contacts(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        List<String> described = new ArrayList<>();
        Set<String> before = new TreeSet<>(deal.getDeputies());
        if (!before.equals(deputies)) {
            Set<String> added = new TreeSet<>(deputies);
            added.removeAll(before);
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(deputies);
            Set<String> either = new TreeSet<>(added);
            either.addAll(removed);
            PersonNames.Names changed = names.namesOf(either);
            List<String> parts = new ArrayList<>();
            added.forEach(user -> parts.add(changed.withId(user) + " toegevoegd"));
            removed.forEach(user -> parts.add(changed.withId(user) + " verwijderd"));
            described.add("Plaatsvervangers: " + String.join(", ", parts));
            deal.changeDeputies(deputies);
            processes.changeDeputies(dealId, deal.getDealLead(), before, deputies);
        }
        if (!deal.getAdministrativeLeads().equals(leads)) {
            described.add("Bestuurders: "
                    + (leads.isEmpty()
                            ? "geen"
                            : String.join(
                                    "; ",
                                    leads.stream()
                                            .map(AdministrativeLead::describe)
                                            .toList())));
            deal.changeAdministrativeLeads(leads);
        }
        for (Participant participant : ofDeal) {
            ParticipantContact contact = contacts.get(participant.getId());
            if (!Objects.equals(participant.getContact(), contact)) {
                described.add("Contactpersoon %s: %s"
                        .formatted(participant.getName(), contact == null ? "geen" : contact.describe()));
                participant.changeContact(contact);
            }
        }
        if (!described.isEmpty()) {
            decisions.save(
                    new DealDecision(dealId, clock.instant(), by, Kind.PEOPLE_CHANGED, String.join(". ", described)));
        }
        return of(dealId);
    }

    private Set<String> checkDeputies(Deal deal, List<String> requested, Map<String, String> errors) {
        Set<String> deputies = new TreeSet<>();
        if (requested.size() > MAX_DEPUTIES) {
            errors.put("deputies", "Een deal heeft hoogstens %d plaatsvervangers.".formatted(MAX_DEPUTIES));
            return deputies;
        }
        for (int i = 0; i < requested.size(); i++) {
            String field = "deputies[%d]".formatted(i);
            String user = requested.get(i) == null ? "" : requested.get(i).strip();
            if (user.isEmpty()) {
                errors.put(field, "Geef de gebruikersnaam van de plaatsvervanger.");
            } else if (user.equals(deal.getDealLead())) {
                errors.put(field, "'%s' is de dealtrekker zelf en kan geen plaatsvervanger zijn.".formatted(user));
            } else if (!deputies.add(user)) {
                errors.put(field, "'%s' staat al bij de plaatsvervangers.".formatted(user));
            } else if (user.length() > 64 || !dealLeads.isDealLead(user)) {
                errors.put(
                        field,
                        "'%s' is geen dealtrekker; alleen dealtrekkers kunnen plaatsvervanger zijn.".formatted(user));
            }
        }
        return deputies;
    }

    private static List<AdministrativeLead> checkAdministrativeLeads(
            List<PersonChange> requested, Map<String, String> errors) {
        List<AdministrativeLead> leads = new ArrayList<>();
        if (requested.size() > MAX_ADMINISTRATIVE_LEADS) {
            errors.put(
                    "administrativeLeads",
                    "Een deal heeft hoogstens %d bestuurders.".formatted(MAX_ADMINISTRATIVE_LEADS));
            return leads;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "administrativeLeads[%d]".formatted(i);
            PersonChange person = requested.get(i).stripped();
            checkPerson(field, person, "bestuurder", "Organisatie of rol", errors);
            if (person.name() != null && !seen.add(key(person))) {
                errors.put(field + ".name", "Bestuurder '%s' staat er al.".formatted(person.name()));
            }
            leads.add(new AdministrativeLead(person.name(), person.role(), person.email()));
        }
        return leads;
    }

    private static Map<Long, ParticipantContact> checkContacts(
            List<Participant> ofDeal, List<ContactChange> requested, Map<String, String> errors) {
        Map<Long, ParticipantContact> contacts = new HashMap<>();
        Map<Long, Participant> byId = new HashMap<>();
        ofDeal.forEach(p -> byId.put(p.getId(), p));
        for (int i = 0; i < requested.size(); i++) {
            String field = "contacts[%d]".formatted(i);
            ContactChange contact = requested.get(i);
            Participant participant = contact.participantId() == null ? null : byId.get(contact.participantId());
            if (participant == null) {
                errors.put(field + ".participantId", "Kies een deelnemer van deze deal.");
                continue;
            }
            PersonChange person = contact.person().stripped();
            if (contacts.containsKey(participant.getId())) {
                errors.put(
                        field + ".participantId",
                        "%s heeft al een contactpersoon; een deelnemer heeft er één.".formatted(participant.getName()));
                continue;
            }
            checkPerson(field, person, "contactpersoon", "Rol", errors);
            contacts.put(participant.getId(), new ParticipantContact(person.name(), person.role(), person.email()));
        }
        return contacts;
    }

    private static void checkPerson(
            String field, PersonChange person, String what, String roleLabel, Map<String, String> errors) {
        if (person.name() == null) {
            errors.put(field + ".name", "Naam van de %s is verplicht.".formatted(what));
        } else if (person.name().length() > MAX_NAME) {
            errors.put(field + ".name", "Naam is langer dan %d tekens.".formatted(MAX_NAME));
        }
        if (person.role() != null && person.role().length() > MAX_NAME) {
            errors.put(field + ".role", "%s is langer dan %d tekens.".formatted(roleLabel, MAX_NAME));
        }
        if (person.email() != null
                && (person.email().length() > MAX_EMAIL
                        || !EMAIL.matcher(person.email()).matches())) {
            errors.put(
                    field + ".email",
                    "'%s' is geen geldig e-mailadres (zoals naam@gemeente.nl).".formatted(person.email()));
        }
    }

    private static String key(PersonChange person) {
        return (person.name() + "|" + (person.role() == null ? "" : person.role())).toLowerCase(Locale.ROOT);
    }

    /** What the deal's people become: every deputy, administrative lead and contact person (a full replacement). */
    public record Change(List<String> deputies, List<PersonChange> administrativeLeads, List<ContactChange> contacts) {

        public Change {
            deputies = deputies == null ? List.of() : new ArrayList<>(deputies);
            administrativeLeads = administrativeLeads == null ? List.of() : List.copyOf(administrativeLeads);
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** A person as entered: name, organisation or role, e-mail; blank is absent. */
    public record PersonChange(String name, String role, String email) {

        PersonChange stripped() {
            return new PersonChange(blankToNull(name), blankToNull(role), blankToNull(email));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The contact person of one participant (by its id), as entered. */
    public record ContactChange(Long participantId, PersonChange person) {

        public ContactChange {
            person = person == null ? new PersonChange(null, null, null) : person;
        }
    }

    /** The people of a deal: its lead, deputies, administrative leads, and each participant with its contact (or none). */
    public record People(
            String dealLead,
            List<String> deputies,
            List<AdministrativeLead> administrativeLeads,
            List<Contact> contacts) {

        /** The administrative leads as the answerability review shows them, one a line. */
        public String administrativeLeadsText() {
            return describe(administrativeLeads);
        }
    }

    /** The administrative leads as a form shows them, one a line; a sentence when there are none. */
    public static String describe(List<AdministrativeLead> leads) {
        if (leads.isEmpty()) {
            return "Nog geen bestuurders vastgelegd: leg ze vast op de dealpagina (Mensen).";
        }
        return String.join("\n", leads.stream().map(l -> "- " + l.describe()).toList());
    }

    /** A participant with its contact person (null when it has none). */
    public record Contact(long participantId, String participant, ParticipantContact contact) {}
}
