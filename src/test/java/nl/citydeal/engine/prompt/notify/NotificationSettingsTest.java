package nl.citydeal.engine.prompt.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.prompt.PromptWorld;
import nl.citydeal.engine.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each user's mail settings (V119 {@code user_setting}): the defaults of their role without a choice, what they
 * saved with who and when, a choice equal to the default kept as none, and input that is not one of the choices
 * refused in Dutch with nothing saved. On PostgreSQL too.
 */
@CityDealSpringTest
@AlsoOnPostgres
class NotificationSettingsTest {

    static final String LEAD = "instellingen-trekker";
    static final String OFFICE = "instellingen-bureau";

    @Autowired
    NotificationSettings settings;

    @Autowired
    ReminderProperties reminders;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void people() {
        TestUsers.ensure(identityService, LEAD, PromptWorld.PASSWORD, Role.DEAL_LEAD);
        TestUsers.ensure(identityService, OFFICE, PromptWorld.PASSWORD, Role.PROGRAMME_OFFICE);
        forget();
    }

    /** The database is shared by every test: these users' choices must not reach another test's digest. */
    @AfterEach
    void forget() {
        jdbc.update("delete from user_setting where user_id in (?, ?)", LEAD, OFFICE);
    }

    @Test
    void withoutAChoiceTheProgrammeOfficeGetsTheDigestAndDealLeadsDoNot() {
        UserSettings lead = settings.of(LEAD);
        UserSettings office = settings.of(OFFICE);

        assertThat(office.weeklyDigest()).isTrue();
        assertThat(lead.weeklyDigest()).isFalse();
        assertThat(List.of(lead, office)).allSatisfy(user -> {
            assertThat(user.reminderMail()).isTrue();
            assertThat(user.reminderLeadTime()).isEqualTo(reminders.leadTime());
            assertThat(user.deviates()).isFalse();
            assertThat(user.changedAt()).isNull();
        });
    }

    @Test
    void savedChoicesApplyAndRecordWhoSavedThemAndWhen() {
        Instant before = clock.instant().minusSeconds(1);

        settings.save(LEAD, new NotificationSettings.Choice("aan", "P28D", "uit"), LEAD);

        UserSettings saved = settings.of(LEAD);
        assertThat(saved.weeklyDigest()).isTrue();
        assertThat(saved.reminderLeadTime()).isEqualTo(Period.ofDays(28));
        assertThat(saved.reminderMail()).isFalse();
        assertThat(saved.changedBy()).isEqualTo(LEAD);
        assertThat(saved.changedAt()).isAfter(before);
        assertThat(saved.deviations())
                .containsExactly(
                        "Weekoverzicht van eigen deals",
                        "Geen herinneringsmails",
                        "Herinneringen 4 weken vooraf (standaard 2 weken)");
    }

    @Test
    void aChoiceEqualToTheDefaultIsKeptAsNoChoiceSoItFollowsTheDefault() {
        settings.save(
                OFFICE,
                new NotificationSettings.Choice("aan", reminders.leadTime().toString(), "aan"),
                OFFICE);

        Map<String, Object> row = jdbc.queryForMap("select * from user_setting where user_id = ?", OFFICE);
        assertThat(row.get("weekly_digest")).isNull();
        assertThat(row.get("reminder_lead_time")).isNull();
        assertThat(row.get("reminder_mail")).isNull();
        assertThat(row.get("changed_by")).isEqualTo(OFFICE);
        assertThat(settings.of(OFFICE).deviates()).isFalse();

        settings.save(OFFICE, new NotificationSettings.Choice("uit", "P3D", "aan"), OFFICE);
        assertThat(settings.of(OFFICE).deviations())
                .containsExactly("Geen weekoverzicht", "Herinneringen 3 dagen vooraf (standaard 2 weken)");
    }

    @Test
    void aLeadTimeThatIsNoChoiceIsRefusedInDutchAndNothingIsSaved() {
        settings.save(LEAD, new NotificationSettings.Choice("aan", "P7D", "aan"), LEAD);

        for (String wrong : List.of("P5D", "P1Y", "veertien dagen", "")) {
            assertThatThrownBy(() -> settings.save(LEAD, new NotificationSettings.Choice("uit", wrong, "uit"), LEAD))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .containsOnlyKeys("reminderLeadTime")
                                    .containsEntry(
                                            "reminderLeadTime",
                                            "Kies een termijn voor herinneringen uit de lijst: 3 dagen, 1 week, 2 weken,"
                                                    + " 4 weken."));
        }

        UserSettings kept = settings.of(LEAD);
        assertThat(kept.weeklyDigest()).isTrue();
        assertThat(kept.reminderLeadTime()).isEqualTo(Period.ofDays(7));
        assertThat(kept.reminderMail()).isTrue();
    }

    @Test
    void onOffTakesOnlyAanOrUitAndNamesEachWrongField() {
        assertThatThrownBy(() -> settings.save(LEAD, new NotificationSettings.Choice("ja", "P7D", null), LEAD))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsOnlyKeys("weeklyDigest", "reminderMail")
                                .containsEntry(
                                        "weeklyDigest", "Kies of u het weekoverzicht wilt ontvangen: aan of uit."));

        assertThat(jdbc.queryForObject("select count(*) from user_setting where user_id = ?", Long.class, LEAD))
                .isZero();
    }

    @Test
    void theOverviewListsOnlyUsersWhoDeviateFromTheDefaults() {
        settings.save(LEAD, new NotificationSettings.Choice("uit", "P14D", "aan"), LEAD);
        settings.save(OFFICE, new NotificationSettings.Choice("uit", "P14D", "aan"), OFFICE);

        assertThat(settings.deviating())
                .extracting(UserSettings::userId)
                .contains(OFFICE)
                .doesNotContain(LEAD);
        assertThat(settings.deviating())
                .filteredOn(user -> user.userId().equals(OFFICE))
                .singleElement()
                .satisfies(user -> assertThat(user.deviations()).containsExactly("Geen weekoverzicht"));
    }
}
