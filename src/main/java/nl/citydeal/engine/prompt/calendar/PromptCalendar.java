package nl.citydeal.engine.prompt.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.validate.ValidationException;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptLinks;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;
import nl.citydeal.engine.system.PersonNames;

/**
 * A user's prompts as an iCalendar feed (RFC 5545), for Outlook and other calendars: every open (planned or due)
 * prompt of the deals the user leads, of every deal for the programme office. One event per prompt, at 09:00
 * Europe/Amsterdam for 30 minutes, marked free. A plain feed to subscribe to, not an invitation (no iTIP METHOD, so
 * no organizer). Its UID names the deal and the prompt (the n-th answerability review),
 * not the database row, so it stays the same when the term changes and calendars move the event.
 */
@Service
@Transactional(readOnly = true)
public class PromptCalendar {

    static final String PRODUCT_ID = "-//City Deal Engine//Herinneringen//NL";
    static final String UID_DOMAIN = "citydeal.example";
    static final Duration LENGTH = Duration.ofMinutes(30);

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Recipients recipients;
    private final PersonNames names;
    private final PromptLinks links;
    private final Clock clock;

    public PromptCalendar(
            DealRegistry registry,
            Prompts promptLog,
            Recipients recipients,
            PersonNames names,
            PromptLinks links,
            Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.recipients = recipients;
        this.names = names;
        this.links = links;
        this.clock = clock;
    }

    /** The feed of one user as iCalendar text. */
    public String feed(Recipient user) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar(user), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid calendar", e);
        }
        return out.toString();
    }

    public Calendar calendar(Recipient user) {
        boolean allDeals = recipients.isProgrammeOffice(user.userId());
        Map<String, Deal> deals = new LinkedHashMap<>();
        registry.search(DealCriteria.ledBy(allDeals ? null : user.userId()), PageRequest.of(0, 10_000, Sort.by("name")))
                .forEach(deal -> deals.put(deal.getId(), deal));

        Calendar calendar = new Calendar()
                .withProdId(PRODUCT_ID)
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", "City Deal-herinneringen — " + user.displayName()))
                .withProperty(new XProperty("X-WR-TIMEZONE", PromptSchedule.ZONE.getId()))
                .withProperty(new XProperty("X-PUBLISHED-TTL", "PT6H"))
                .withComponent(dutchTime())
                .getFluentTarget();
        DtStamp stamp = new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        PersonNames.Names leads =
                names.namesOf(deals.values().stream().map(Deal::getDealLead).toList());
        for (Prompt prompt : promptLog.openForDeals(deals.keySet())) {
            Deal deal = deals.get(prompt.getDealId());
            calendar.add(event(deal, leads.of(deal.getDealLead()), prompt, stamp));
        }
        return calendar;
    }

    private VEvent event(Deal deal, String dealLeadName, Prompt prompt, DtStamp stamp) {
        ZonedDateTime start = prompt.getDueAt().atZone(PromptSchedule.ZONE);
        VEvent event =
                new VEvent(start, start.plus(LENGTH), prompt.getKind().label() + " — " + deal.nameWithReference());
        event.replace(stamp);
        event.add(new Uid(uid(deal.getId(), prompt)));
        event.add(new Description("""
                %s

                Deal: %s
                Waarom: %s
                Dealtrekker: %s%s
                Takenlijst: %s""".formatted(
                        prompt.getKind().label(),
                        deal.nameWithReference(),
                        prompt.getKind().lesson(),
                        dealLeadName,
                        prompt.getStatus() == PromptStatus.DUE ? "\nStatus: aan de beurt, nog open" : "",
                        links.tasklist())));
        event.add(new Url(java.net.URI.create(links.tasklist())));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    /**
     * The definition of Europe/Amsterdam the events refer to (TZID). The time zone database has Amsterdam as a link
     * to Brussels (the two share every rule since 1970), so ical4j's definition is named Europe/Brussels: it is taken
     * as it is maintained and named Europe/Amsterdam, the TZID of the events.
     */
    static VTimeZone dutchTime() {
        VTimeZone zone = TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(PromptSchedule.ZONE.getId())
                .getVTimeZone()
                .copy();
        zone.replace(new TzId(PromptSchedule.ZONE.getId()));
        zone.removeAll(Property.TZURL, "X-LIC-LOCATION");
        zone.add(new XProperty("X-LIC-LOCATION", PromptSchedule.ZONE.getId()));
        return zone;
    }

    /**
     * The UID of a prompt's event: the deal and the kind, and for the recurring answerability review its number
     * among the deal's reviews. Stable across a change of term, which re-plans the prompts that have not fired.
     */
    String uid(String dealId, Prompt prompt) {
        String name = prompt.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (prompt.getKind() == PromptKind.ANSWERABILITY_REVIEW) {
            name += "-" + occurrence(dealId, prompt);
        }
        return "prompt-%s-%s@%s".formatted(dealId, name, UID_DOMAIN);
    }

    private int occurrence(String dealId, Prompt prompt) {
        List<Prompt> reviews = promptLog.forDeal(dealId).stream()
                .filter(p -> p.getKind() == PromptKind.ANSWERABILITY_REVIEW)
                .sorted(Comparator.comparing(Prompt::getDueAt).thenComparing(Prompt::getId))
                .toList();
        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < reviews.size(); i++) {
            numbers.put(reviews.get(i).getId(), i + 1);
        }
        return numbers.getOrDefault(prompt.getId(), reviews.size() + 1);
    }
}
