package nl.citydeal.engine.prompt.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptWorld;
import nl.citydeal.engine.prompt.notify.NotificationSettings;
import nl.citydeal.engine.prompt.notify.UserSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Meldingen" on Mijn instellingen: a user saves their own choices (with CSRF) and is told so after a redirect; a
 * value that is not one of the choices shows the page again with a Dutch message and changes nothing; the overview of
 * who deviates from the defaults is for the programme office and administrators, by name.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class NotificationSettingsPageTest {

    static final String LEAD = "meldingen-trekker";
    static final String OFFICE = "meldingen-bureau";
    static final UserRequestPostProcessor AS_LEAD = user(LEAD).authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor AS_OFFICE = user(OFFICE).authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor AS_ADMIN =
            user("meldingen-beheer").authorities(() -> Role.ADMINISTRATOR.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    NotificationSettings settings;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        person(LEAD, "Lotte", "Leidster", Role.DEAL_LEAD);
        person(OFFICE, "Bart", "Bureau", Role.PROGRAMME_OFFICE);
        forget();
    }

    /** The database is shared by every test: these users' choices must not reach another test's digest. */
    @AfterEach
    void forget() {
        jdbc.update("delete from user_setting where user_id in (?, ?)", LEAD, OFFICE);
    }

    @Test
    void thePageShowsTheDefaultsOfTheRoleAndSaysPromptMailsAlwaysGo() throws Exception {
        mvc.perform(get("/instellingen").with(AS_LEAD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2 id=\"meldingen\">Meldingen</h2>")))
                .andExpect(content().string(containsString("krijgt u daarover <strong>altijd</strong> een mail")))
                .andExpect(content().string(containsString("die u leidt of waarvan u plaatsvervanger bent")))
                .andExpect(content().string(containsString("value=\"uit\" checked=\"checked\"> Uit")))
                .andExpect(content()
                        .string(containsString(
                                "<option value=\"P14D\" selected=\"selected\">2 weken" + " (standaard)</option>")))
                .andExpect(content().string(not(containsString("/instellingen/afwijkingen"))));
        mvc.perform(get("/instellingen").with(AS_OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Elke maandag een mail over alle City Deals")))
                .andExpect(content().string(containsString("/instellingen/afwijkingen")));
    }

    @Test
    void savingTheChoicesRedirectsToAConfirmationAndKeepsThem() throws Exception {
        MvcResult saved = mvc.perform(post("/instellingen/meldingen")
                        .param("weeklyDigest", "aan")
                        .param("reminderLeadTime", "P28D")
                        .param("reminderMail", "uit")
                        .with(AS_LEAD)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/instellingen#meldingen"))
                .andExpect(flash().attribute("notificationsSaved", true))
                .andReturn();

        mvc.perform(get("/instellingen").with(AS_LEAD).flashAttrs(saved.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uw meldingen zijn opgeslagen.")))
                .andExpect(content().string(containsString("<option value=\"P28D\" selected=\"selected\">")))
                .andExpect(content().string(containsString("Laatst gewijzigd op")));
        UserSettings mine = settings.of(LEAD);
        assertThat(mine.weeklyDigest()).isTrue();
        assertThat(mine.reminderMail()).isFalse();
        assertThat(mine.reminderLeadTime()).hasDays(28);
        assertThat(mine.changedBy()).isEqualTo(LEAD);
    }

    @Test
    void aLeadTimeThatIsNoChoiceShowsADutchMessageAndChangesNothing() throws Exception {
        settings.save(LEAD, new NotificationSettings.Choice("aan", "P7D", "aan"), LEAD);

        mvc.perform(post("/instellingen/meldingen")
                        .param("weeklyDigest", "uit")
                        .param("reminderLeadTime", "P5D")
                        .param("reminderMail", "uit")
                        .with(AS_LEAD)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Niet opgeslagen.")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Kies een termijn voor herinneringen uit de lijst: 3 dagen, 1 week, 2 weken, 4 weken.")))
                // the valid choices stay chosen on the form, the stored lead time is shown again
                .andExpect(content().string(containsString("<option value=\"P7D\" selected=\"selected\">")))
                .andExpect(content().string(containsString("name=\"reminderMail\" value=\"uit\" checked=\"checked\"")));

        UserSettings kept = settings.of(LEAD);
        assertThat(kept.weeklyDigest()).isTrue();
        assertThat(kept.reminderMail()).isTrue();
        assertThat(kept.reminderLeadTime()).hasDays(7);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/instellingen/meldingen")
                        .param("weeklyDigest", "aan")
                        .param("reminderLeadTime", "P3D")
                        .param("reminderMail", "uit")
                        .with(AS_LEAD))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select count(*) from user_setting where user_id = ?", Long.class, LEAD))
                .isZero();
    }

    @Test
    void theProgrammeOfficeAndAdministratorsSeeWhoDeviatesByName() throws Exception {
        settings.save(OFFICE, new NotificationSettings.Choice("uit", "P14D", "aan"), OFFICE);
        settings.save(LEAD, new NotificationSettings.Choice("uit", "P3D", "uit"), LEAD);

        for (UserRequestPostProcessor viewer : List.of(AS_OFFICE, AS_ADMIN)) {
            mvc.perform(get("/instellingen/afwijkingen").with(viewer))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<h1>Meldingen van gebruikers</h1>")))
                    .andExpect(content().string(containsString("<td>Bart Bureau</td>")))
                    .andExpect(content().string(containsString("<li>Geen weekoverzicht</li>")))
                    .andExpect(content().string(containsString("<td>Lotte Leidster</td>")))
                    .andExpect(content().string(containsString("<li>Geen herinneringsmails</li>")))
                    .andExpect(content()
                            .string(containsString("<li>Herinneringen 3 dagen vooraf (standaard 2 weken)</li>")));
        }
    }

    @Test
    void aDealLeadMayNotSeeTheOverview() throws Exception {
        settings.save(OFFICE, new NotificationSettings.Choice("uit", "P14D", "aan"), OFFICE);

        mvc.perform(get("/instellingen/afwijkingen").with(AS_LEAD)).andExpect(status().isForbidden());
    }

    private void person(String id, String first, String last, Role role) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setPassword(PromptWorld.PASSWORD);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@citydeal.example");
        identityService.saveUser(user);
        identityService.createMembership(id, role.groupId());
    }
}
