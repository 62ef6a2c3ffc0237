package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder run and the weekly digest follow each user's settings: a reminder comes within the addressee's own
 * lead time, and not at all for one who turned reminder mails off, while the prompt mail itself still goes; the
 * digest skips members of the programme office who turned it off and gives a deal lead who turned it on the same
 * sections over their own deals only. Each mail is still recorded once.
 */
@CityDealSpringTest
class MailSettingsTest {

    static final String EARLY = "vroeg-herinnerd";
    static final String QUIET = "geen-herinneringen";
    static final String USUAL = "standaard-herinnerd";
    static final String DIGEST_LEAD = "weekoverzicht-trekker";
    static final String DEPUTY_LEAD = "weekoverzicht-collega";
    static final String OFFICE_OUT = "bureau-zonder-overzicht";
    static final List<String> USERS = List.of(EARLY, QUIET, USUAL, DIGEST_LEAD, DEPUTY_LEAD, OFFICE_OUT);

    /** The ownership conversation of a deal signed 01-03-2024 is due on 29-11-2024 at 09:00. */
    static final LocalDate SIGNED = LocalDate.of(2024, 3, 1);

    static final LocalDate ENDS = LocalDate.of(2027, 3, 1);

    @Autowired
    NotificationSettings settings;

    @Autowired
    PromptReminders reminders;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    DealRegistry registry;

    @Autowired
    DealPeople people;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    PromptWorld world;

    @BeforeEach
    void setUp() {
        world = new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
        user(EARLY, "Vera", "Vroeg", Role.DEAL_LEAD);
        user(QUIET, "Stijn", "Stil", Role.DEAL_LEAD);
        user(USUAL, "Gerda", "Gewoon", Role.DEAL_LEAD);
        user(DIGEST_LEAD, "Wim", "Weekman", Role.DEAL_LEAD);
        user(DEPUTY_LEAD, "Cor", "Collega", Role.DEAL_LEAD);
        user(OFFICE_OUT, "Olga", "Overzichtloos", Role.PROGRAMME_OFFICE);
        forget();
    }

    /** The database is shared by every test: these users' choices must not reach another test's digest. */
    @AfterEach
    void forget() {
        USERS.forEach(user -> jdbc.update("delete from user_setting where user_id = ?", user));
    }

    @Test
    void aReminderComesWithinTheAddresseesOwnLeadTimeOnce() {
        settings.save(EARLY, new NotificationSettings.Choice("uit", "P28D", "aan"), EARLY);
        String early = world.runningDeal("City Deal Vroeg Herinnerd", EARLY, PETRA, SIGNED, ENDS);
        String usual = world.runningDeal("City Deal Standaard Herinnerd", USUAL, PETRA, SIGNED, ENDS);

        // 28 days and a bit ahead of 29-11-2024 09:00: not yet for anyone
        reminders.remind(at("2024-11-01T08:00+01:00"));
        assertThat(mails(early, NotificationKind.REMINDER_BEFORE)).isEmpty();
        // within four weeks: the user who chose four weeks, not the one with the default of two
        reminders.remind(at("2024-11-01T10:00+01:00"));
        reminders.remind(at("2024-11-02T10:00+01:00"));
        assertThat(mails(early, NotificationKind.REMINDER_BEFORE))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getRecipientUser()).isEqualTo(EARLY);
                    assertThat(mail.getPromptKind()).isEqualTo(PromptKind.OWNERSHIP_CONVERSATION);
                    assertThat(mail.getBody()).contains("Over 28 dagen, op 29-11-2024");
                });
        assertThat(mails(usual, NotificationKind.REMINDER_BEFORE)).isEmpty();

        // the default of two weeks for the other; changing the lead time later announces nothing a second time
        settings.save(EARLY, new NotificationSettings.Choice("uit", "P14D", "aan"), EARLY);
        reminders.remind(at("2024-11-15T10:00+01:00"));
        assertThat(mails(usual, NotificationKind.REMINDER_BEFORE)).hasSize(1);
        assertThat(mails(early, NotificationKind.REMINDER_BEFORE)).hasSize(1);
    }

    @Test
    void withReminderMailsOffOnlyThePromptMailGoes() {
        settings.save(QUIET, new NotificationSettings.Choice("uit", "P14D", "uit"), QUIET);
        String deal = world.runningDeal("City Deal Geen Herinneringen", QUIET, PETRA, SIGNED, ENDS);

        reminders.remind(at("2024-11-20T10:00+01:00"));
        reminders.remind(at("2024-11-29T08:30+01:00"));
        assertThat(mails(deal, NotificationKind.REMINDER_BEFORE)).isEmpty();
        assertThat(mails(deal, NotificationKind.REMINDER_DUE)).isEmpty();

        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));
        assertThat(mails(deal, NotificationKind.PROMPT))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getRecipientUser()).isEqualTo(QUIET));
    }

    @Test
    void theDigestSkipsMembersWhoTurnedItOffAndGivesADealLeadWhoTurnedItOnTheirOwnDealsOnly() {
        settings.save(OFFICE_OUT, new NotificationSettings.Choice("uit", "P14D", "aan"), OFFICE_OUT);
        settings.save(DIGEST_LEAD, new NotificationSettings.Choice("aan", "P14D", "aan"), DIGEST_LEAD);
        String led = world.runningDeal("City Deal Eigen Overzicht", DIGEST_LEAD, PETRA, SIGNED, ENDS);
        String deputised = world.runningDeal("City Deal Als Collega", DEPUTY_LEAD, PETRA, SIGNED, ENDS);
        people.change(deputised, new DealPeople.Change(List.of(DIGEST_LEAD), null, null), PETRA);
        String other = world.runningDeal("City Deal Van Een Ander", ANNA, PETRA, SIGNED, ENDS);
        // a Monday no other test sends a digest in
        Instant monday = at("2031-03-03T08:00+01:00");
        String week = "2031-W10";

        int recorded = digest.send(monday);

        assertThat(digestOf(week, OFFICE_OUT)).as("turned off").isNull();
        assertThat(digestOf(week, DEPUTY_LEAD))
                .as("a deal lead who did not turn it on")
                .isNull();
        Map<String, Object> office = digestOf(week, PETRA);
        assertThat(office).isNotNull();
        assertThat((String) office.get("body")).contains(nameOf(led), nameOf(deputised), nameOf(other));
        Map<String, Object> own = digestOf(week, DIGEST_LEAD);
        assertThat(own).isNotNull();
        assertThat((String) own.get("subject")).startsWith("Weekoverzicht van uw City Deals — week 10");
        assertThat((String) own.get("body"))
                .startsWith("Beste Wim Weekman,")
                .contains("van uw City Deals (die u leidt of waarvan u plaatsvervanger bent)")
                .contains("Verlopen en nog open", "Opschalingsplan over de datum", "Stilgevallen")
                .contains(nameOf(led) + " — Eigenaarschapsgesprek voeren, verlopen op 29-11-2024")
                .contains(nameOf(deputised) + " — plan nodig sinds 31-05-2026, einddatum 01-03-2027"
                        + " (dealtrekker: Cor Collega)")
                .doesNotContain(nameOf(other))
                .contains(
                        "Dit weekoverzicht zet u aan of uit op Mijn instellingen: http://localhost:8080/instellingen");
        assertThat(recorded).isPositive();
        assertThat(digest.send(monday.plusSeconds(3600)))
                .as("a second run, or a second node")
                .isZero();
    }

    // --- helpers

    private void user(String id, String first, String last, Role role) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
            user.setPassword(PromptWorld.PASSWORD);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@citydeal.example");
            identityService.saveUser(user);
            identityService.createMembership(id, role.groupId());
        }
    }

    private String nameOf(String dealId) {
        return registry.get(dealId).nameWithReference();
    }

    private Map<String, Object> digestOf(String week, String userId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select subject, body from notification where dedupe_key = ?",
                "digest:%s:user:%s".formatted(week, userId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Notification> mails(String dealId, NotificationKind kind) {
        List<Notification> all = new ArrayList<>();
        for (NotificationStatus status : NotificationStatus.values()) {
            notifications.findByDealIdAndStatusOrderById(dealId, status).stream()
                    .filter(n -> n.getKind() == kind)
                    .forEach(all::add);
        }
        return all;
    }

    private static Instant at(String moment) {
        return OffsetDateTime.parse(moment).toInstant();
    }
}
