package nl.citydeal.engine.prompt.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptWorld;
import nl.citydeal.engine.prompt.calendar.CalendarSubscriptionRepository;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.BRAM;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar feed by its secret subscription address ({@code /calendar/{token}.ics}): made, renewed and revoked on
 * Mijn instellingen by the logged-in user alone, with CSRF; fetched without any credentials (as Outlook, Google
 * Calendar and Apple Calendar do) it is the user's own feed; any other token is a 404 that tells nothing. On
 * PostgreSQL too (the V116 table).
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class CalendarSubscriptionTest {

    static final UserRequestPostProcessor AS_ANNA = user(ANNA).authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor AS_BRAM = user(BRAM).authorities(() -> Role.DEAL_LEAD.authority());
    static final Pattern ADDRESS = Pattern.compile("http://localhost:8080/calendar/([A-Za-z0-9_-]{43})\\.ics");
    static final Pattern UID = Pattern.compile("(?m)^UID:(.*)$");

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
    CalendarSubscriptionRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    PromptWorld world;

    @BeforeEach
    void people() {
        world = new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
    }

    @Test
    void aNewAddressIsShownOnceAndGivesTheUsersOwnFeedWithoutCredentials() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(1);
        String deal = world.runningDeal("City Deal Abonnement", ANNA, PETRA, signed, signed.plusYears(3));

        MvcResult made = mvc.perform(post("/instellingen/agenda").with(AS_ANNA).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/instellingen"))
                .andReturn();
        String address = (String) made.getFlashMap().get("address");
        String token = tokenOf(address);

        mvc.perform(get("/instellingen").with(AS_ANNA).flashAttrs(made.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + address + "\"")))
                .andExpect(content().string(containsString("maar één keer getoond")))
                .andExpect(content().string(containsString("Nieuw adres maken")))
                .andExpect(content().string(containsString("Intrekken")));
        mvc.perform(get("/instellingen").with(AS_ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(containsString("U hebt een abonnementsadres, gemaakt op")));
        assertThat(repository.findById(ANNA))
                .hasValueSatisfying(row -> assertThat(jdbc.queryForObject(
                                "select token_hash from calendar_subscription where user_id = ?", String.class, ANNA))
                        .as("only the hash is stored")
                        .hasSize(64)
                        .doesNotContain(token));

        MockHttpServletResponse feed = mvc.perform(get("/calendar/" + token + ".ics"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .andExpect(header().string("Cache-Control", "no-store, private"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn()
                .getResponse();
        String ics = feed.getContentAsString();
        assertThat(ics).contains("BEGIN:VCALENDAR", "City Deal Abonnement", deal);
        String basic = mvc.perform(get("/api/calendar/anna.ics").with(httpBasic(ANNA, PromptWorld.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(uids(ics)).as("the same feed as the Basic one").isEqualTo(uids(basic));
    }

    @Test
    void aRenewedAddressReplacesTheOldOneAtOnce() throws Exception {
        String first = makeAddress(AS_ANNA);
        String second = makeAddress(AS_ANNA);

        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/calendar/" + first + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/" + second + ".ics")).andExpect(status().isOk());
    }

    @Test
    void aRevokedAddressAnswers404() throws Exception {
        String token = makeAddress(AS_ANNA);

        mvc.perform(post("/instellingen/agenda/intrekken").with(AS_ANNA).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/instellingen"));

        mvc.perform(get("/calendar/" + token + ".ics"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Dit agenda-adres bestaat niet (meer)")));
        mvc.perform(get("/instellingen").with(AS_ANNA))
                .andExpect(content().string(containsString("U hebt nog geen abonnementsadres.")));
    }

    @Test
    void wrongAndMalformedTokensAnswerTheSame404WithoutALoginPrompt() throws Exception {
        makeAddress(AS_ANNA);
        String wrong = "A".repeat(43);
        for (String token : List.of(wrong, "kort", "anna", "A".repeat(44), "A".repeat(42) + "=")) {
            mvc.perform(get("/calendar/" + token + ".ics"))
                    .andExpect(status().isNotFound())
                    .andExpect(header().doesNotExist("WWW-Authenticate"))
                    .andExpect(content().string(containsString("Dit agenda-adres bestaat niet (meer)")));
        }
        mvc.perform(post("/calendar/" + wrong + ".ics")).andExpect(status().isForbidden());
    }

    @Test
    void anotherUserCannotRevokeOrRenewSomeoneElsesAddress() throws Exception {
        String annas = makeAddress(AS_ANNA);

        // the actions are the logged-in user's own: a user named in the request is ignored
        mvc.perform(post("/instellingen/agenda/intrekken")
                        .param("user", ANNA)
                        .with(AS_BRAM)
                        .with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/instellingen/agenda")
                        .param("user", ANNA)
                        .with(AS_BRAM)
                        .with(csrf()))
                .andExpect(status().isFound());

        mvc.perform(get("/calendar/" + annas + ".ics")).andExpect(status().isOk());
        assertThat(repository.findById(BRAM)).isPresent();
    }

    @Test
    void postsWithoutTheCsrfTokenOrFromAnotherSiteChangeNothing() throws Exception {
        String token = makeAddress(AS_ANNA);
        Instant made = repository.findById(ANNA).orElseThrow().getCreatedAt();

        mvc.perform(post("/instellingen/agenda/intrekken").with(AS_ANNA)).andExpect(status().isForbidden());
        mvc.perform(post("/instellingen/agenda").with(AS_ANNA)).andExpect(status().isForbidden());
        mvc.perform(post("/instellingen/agenda/intrekken")
                        .with(AS_ANNA)
                        .with(csrf())
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("andere website")));
        mvc.perform(post("/instellingen/agenda").with(AS_ANNA).with(csrf()).header("Origin", "http://evil.example"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isOk());
        assertThat(repository.findById(ANNA).orElseThrow().getCreatedAt()).isEqualTo(made);
    }

    @Test
    void theSettingsPageNeedsALoginAndIsInTheNavigationForEveryRole() throws Exception {
        mvc.perform(get("/instellingen")).andExpect(status().isFound());
        for (Role role : Role.values()) {
            mvc.perform(get("/").with(user("nav-" + role.name()).authorities(role::authority)))
                    .andExpect(content().string(containsString("<a href=\"/instellingen\">Mijn instellingen</a>")));
        }
        mvc.perform(get("/instellingen").with(AS_BRAM))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"/instellingen\" aria-current=\"page\" class=\"active\">Mijn instellingen</a>")))
                .andExpect(content().string(containsString("Google Agenda")))
                .andExpect(content().string(containsString("Apple Agenda")))
                .andExpect(content().string(containsString("Outlook")));
    }

    @Test
    void theAddressOfARemovedOrLockedUserAnswers404() throws Exception {
        UserRequestPostProcessor asGone = person("sub-weg");
        String gone = makeAddress(asGone);
        identityService.deleteUser("sub-weg");
        mvc.perform(get("/calendar/" + gone + ".ics")).andExpect(status().isNotFound());

        UserRequestPostProcessor asLocked = person("sub-slot");
        String locked = makeAddress(asLocked);
        mvc.perform(get("/calendar/" + locked + ".ics")).andExpect(status().isOk());
        jdbc.update(
                "update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)),
                "sub-slot");
        try {
            mvc.perform(get("/calendar/" + locked + ".ics")).andExpect(status().isNotFound());
        } finally {
            identityService.unlockUser("sub-slot");
        }
        mvc.perform(get("/calendar/" + locked + ".ics")).andExpect(status().isOk());
    }

    private UserRequestPostProcessor person(String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(PromptWorld.PASSWORD);
            identityService.saveUser(user);
        }
        return user(id).authorities(() -> Role.DEAL_LEAD.authority());
    }

    private String makeAddress(UserRequestPostProcessor as) throws Exception {
        MvcResult made = mvc.perform(post("/instellingen/agenda").with(as).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        return tokenOf((String) made.getFlashMap().get("address"));
    }

    private static String tokenOf(String address) {
        assertThat(address).isNotNull();
        Matcher matcher = ADDRESS.matcher(address);
        assertThat(matcher.matches()).as(address).isTrue();
        return matcher.group(1);
    }

    private static List<String> uids(String ics) {
        return UID.matcher(ics).results().map(m -> m.group(1).strip()).sorted().toList();
    }
}
