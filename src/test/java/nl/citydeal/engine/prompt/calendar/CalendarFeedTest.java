package nl.citydeal.engine.prompt.calendar;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.BRAM;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar feed {@code /api/calendar/{user}.ics}: valid iCalendar that ical4j parses, one event per open prompt
 * at 09:00 Dutch time with a stable UID, moved when the term changes, and only the user's own (or, for the programme
 * office, everyone's).
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class CalendarFeedTest {

    static final UserRequestPostProcessor AS_ANNA = user(ANNA).authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor AS_BRAM = user(BRAM).authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor AS_PETRA = user(PETRA).authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    Prompts prompts;

    PromptWorld world;

    @BeforeEach
    void people() {
        world = new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
    }

    @Test
    void dealLeadsFeedIsValidICalendarWithEveryOpenPromptOfTheirDealsAtNineDutchTimeNamingTheDealLead()
            throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(1);
        String deal = world.runningDeal("City Deal Agenda", ANNA, PETRA, signed, signed.plusYears(3));

        String ics = mvc.perform(get("/api/calendar/anna.ics").with(AS_ANNA))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        Map<String, VEvent> events = eventsOf(calendar, deal);
        // ownership, exploration, mid-term, scaling plan, escalation, and the next answerability review (the one after
        // it is planned when it is held)
        assertThat(events).hasSize(openPrompts(deal)).hasSize(5 + 1);
        VEvent ownership = events.get(uid(deal, "ownership-conversation"));
        assertThat(ownership).isNotNull();
        String reference = registry.get(deal).getReference();
        assertThat(text(ownership, Property.SUMMARY))
                .isEqualTo("Eigenaarschapsgesprek voeren — City Deal Agenda (%s)".formatted(reference));
        assertThat(text(ownership, Property.DESCRIPTION)).contains("Deal: City Deal Agenda (%s)".formatted(reference));
        assertThat(text(ownership, Property.DESCRIPTION)).contains(PromptKind.OWNERSHIP_CONVERSATION.lesson());
        assertThat(text(ownership, Property.DESCRIPTION)).contains("Dealtrekker: Anna Jansen");
        ZonedDateTime start = start(ownership);
        assertThat(ownership.getStartDate().orElseThrow().getParameter("TZID").map(p -> p.getValue()))
                .contains("Europe/Amsterdam");
        List<net.fortuna.ical4j.model.component.VTimeZone> zones =
                calendar.getComponents(net.fortuna.ical4j.model.Component.VTIMEZONE);
        assertThat(zones)
                .singleElement()
                .satisfies(zone -> assertThat(zone.getProperty(Property.TZID).map(Property::getValue))
                        .as("the events' TZID is defined in the feed")
                        .contains("Europe/Amsterdam"));
        assertThat(start.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(start.toLocalDate()).isEqualTo(signed.plusDays((long)
                Math.floor(java.time.temporal.ChronoUnit.DAYS.between(signed, signed.plusYears(3)) * 0.25)));
        assertThat(events).containsKey(uid(deal, "answerability-review-1"));
    }

    @Test
    void extensionMovesTheCalendarEventsUnderTheSameUid() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(2);
        String deal = world.runningDeal("City Deal Verlengd", ANNA, PETRA, signed, signed.plusYears(3));
        Map<String, VEvent> before = eventsOf(feed("anna", AS_ANNA), deal);

        mvc.perform(put("/api/deals/" + deal + "/term")
                        .with(AS_PETRA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endsOn\":\"%s\",\"reason\":\"Verlenging\"}".formatted(signed.plusYears(4))))
                .andExpect(status().isOk());
        Map<String, VEvent> after = eventsOf(feed("anna", AS_ANNA), deal);

        String plan = uid(deal, "scaling-plan-due");
        assertThat(after).containsKeys(plan, uid(deal, "ownership-conversation"), uid(deal, "scaling-exploration"));
        assertThat(start(after.get(plan))).isAfter(start(before.get(plan)));
        assertThat(start(after.get(uid(deal, "ownership-conversation"))))
                .isAfter(start(before.get(uid(deal, "ownership-conversation"))));
        assertThat(start(after.get(uid(deal, "answerability-review-1"))))
                .as("a review keeps its date")
                .isEqualTo(start(before.get(uid(deal, "answerability-review-1"))));
        assertThat(after)
                .as("the same prompts, moved")
                .hasSize(openPrompts(deal))
                .hasSameSizeAs(before);
    }

    @Test
    void donePromptLeavesTheFeed() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(1);
        String deal = world.runningDeal("City Deal Gedaan", ANNA, PETRA, signed, signed.plusYears(3));

        taskService.complete(
                world.task(deal, PromptWorld.taskOf(PromptKind.OWNERSHIP_CONVERSATION))
                        .getId(),
                Map.of("ownershipOutcome", "Gedeeld"));

        assertThat(eventsOf(feed("anna", AS_ANNA), deal)).doesNotContainKey(uid(deal, "ownership-conversation"));
    }

    @Test
    void programmeOfficeSeesEveryDealAndAnyonesFeedWhileADealLeadSeesOnlyTheirOwn() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(1);
        String annas = world.runningDeal("City Deal Van Anna", ANNA, PETRA, signed, signed.plusYears(3));
        String brams = world.runningDeal("City Deal Van Bram", BRAM, PETRA, signed, signed.plusYears(3));

        assertThat(eventsOf(feed("anna", AS_ANNA), brams)).isEmpty();
        assertThat(eventsOf(feed("petra", AS_PETRA), annas)).isNotEmpty();
        assertThat(eventsOf(feed("petra", AS_PETRA), brams)).isNotEmpty();
        assertThat(eventsOf(feed("bram", AS_PETRA), brams)).isNotEmpty();
        assertThat(eventsOf(feed("bram", AS_PETRA), annas)).isEmpty();

        mvc.perform(get("/api/calendar/anna.ics").with(AS_BRAM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/calendar/nobody.ics").with(AS_PETRA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/calendar/anna.ics")).andExpect(status().isUnauthorized());
    }

    @Test
    void calendarClientLogsInWithHttpBasic() throws Exception {
        mvc.perform(get("/api/calendar/anna.ics").with(httpBasic(ANNA, PromptWorld.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/calendar/anna.ics").with(httpBasic(ANNA, "wrong")))
                .andExpect(status().isUnauthorized());
    }

    private int openPrompts(String dealId) {
        return (int) prompts.forDeal(dealId).stream()
                .filter(nl.citydeal.engine.prompt.Prompt::isOpen)
                .count();
    }

    private Calendar feed(String user, UserRequestPostProcessor as) throws Exception {
        String ics = mvc.perform(get("/api/calendar/" + user + ".ics").with(as))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        return calendar;
    }

    private static Map<String, VEvent> eventsOf(Calendar calendar, String dealId) {
        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        return events.stream()
                .filter(e -> text(e, Property.UID).startsWith("prompt-" + dealId + "-"))
                .collect(Collectors.toMap(e -> text(e, Property.UID), e -> e));
    }

    private static String uid(String dealId, String prompt) {
        return "prompt-%s-%s@citydeal.example".formatted(dealId, prompt);
    }

    private static String text(VEvent event, String property) {
        Optional<Property> value = event.getProperty(property);
        return value.map(Property::getValue).orElse("");
    }

    private static ZonedDateTime start(VEvent event) {
        // ical4j reads the zone from the feed's VTIMEZONE; on Dutch time it must be the same moment
        return ZonedDateTime.from(event.getStartDate().orElseThrow().getDate()).withZoneSameInstant(AMSTERDAM);
    }
}
