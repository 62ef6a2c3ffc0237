package nl.citydeal.engine.portfolio.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.deal.Stall;
import nl.citydeal.engine.deal.Stalls;
import nl.citydeal.engine.deal.StepDates;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.notify.DigestText;
import nl.citydeal.engine.prompt.notify.MailTexts;
import nl.citydeal.engine.prompt.notify.NotificationKind;
import nl.citydeal.engine.prompt.notify.NotificationRepository;
import nl.citydeal.engine.prompt.notify.NotificationStatus;
import nl.citydeal.engine.prompt.notify.StallEscalationRepository;
import nl.citydeal.engine.prompt.notify.StallPrompts;
import nl.citydeal.engine.prompt.notify.WeeklyDigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Stalled deals stand out: a deal whose scaling decision has been open for 14 weeks carries "Stilgevallen" with its
 * reason on the overview (and is what "Alleen stilgevallen" keeps), a fresh one does not; the weekly digest lists it;
 * the programme office is prompted about it once, after the escalation period; a proposal sent back and untouched
 * stalls too, until a step is completed. Deals of a theme of their own; "now" moved through the engine's clock.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class StalledDealsTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

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
    Stalls stalls;

    @Autowired
    StepDates stepDates;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    StallPrompts stallPrompts;

    @Autowired
    StallEscalationRepository escalations;

    @Autowired
    NotificationRepository notifications;

    String theme;

    @BeforeEach
    void aDealLeadAndATheme() {
        if (identityService.createUserQuery().userId("anna").count() == 0) {
            identityService.saveUser(identityService.newUser("anna"));
            identityService.createMembership("anna", Role.DEAL_LEAD.groupId());
        }
        theme = "stil-" + UUID.randomUUID();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aScalingDecisionOpenForFourteenWeeksIsFlaggedOnTheOverviewAndAFreshOneIsNot() throws Exception {
        Deal stalled =
                dealInItsScalingDecisionSince(Instant.now().minus(weeks(14)).minus(Duration.ofDays(1)), "Stil");
        Deal fresh = dealInItsScalingDecisionSince(Instant.now(), "Vers");
        assertThat(registry.get(stalled.getId()).getPhase()).isEqualTo(DealPhase.SCALING_DECISION);

        String page = mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(stalled.getName(), fresh.getName(), "Opschalingsbesluit staat al 14 weken open");
        assertThat(page.split("badge-stall\">Stilgevallen", -1)).as("one flag").hasSize(2);
        assertThat(stalls.of(registry.get(fresh.getId()))).isEmpty();

        String onlyStalled = mvc.perform(
                        get("/").param("theme", theme).param("stalled", "true").with(OFFICE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(onlyStalled)
                .contains(stalled.getName(), "Alleen stilgevallen")
                .doesNotContain(fresh.getName());

        String dealPage = mvc.perform(get("/deals/" + stalled.getId()).with(OFFICE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dealPage).contains("Stilgevallen", "Opschalingsbesluit staat al 14 weken open");
    }

    @Test
    void theWeeklyDigestHasALinePerStalledDeal() {
        Instant enteredAt = Instant.now().minus(weeks(13));
        Deal stalled = dealInItsScalingDecisionSince(enteredAt, "Digest");
        Instant now = Instant.now();

        WeeklyDigest.Contents contents = digest.contents(now);

        assertThat(contents.stalled())
                .filteredOn(line -> line.dealName().equals(stalled.nameWithReference()))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.reason()).isEqualTo("Opschalingsbesluit staat al 13 weken open");
                    // the Dutch day it entered: across summer time that can be a day later than today minus 13 weeks
                    assertThat(line.since()).isEqualTo(LocalDate.ofInstant(enteredAt, DUTCH));
                });
        String text = DigestText.build(
                        "Petra", LocalDate.now(DUTCH), List.of(), List.of(), List.of(), contents.stalled(), "x")
                .body();
        assertThat(text)
                .contains("Stilgevallen: ")
                .contains("  - %s — Opschalingsbesluit staat al 13 weken open, sinds %s (dealtrekker: "
                        .formatted(
                                stalled.nameWithReference(),
                                LocalDate.now(DUTCH).minusWeeks(13).format(MailTexts.DATE)));
    }

    @Test
    void theProgrammeOfficeIsPromptedOnceAfterTheEscalationPeriod() {
        Deal stalled = dealInItsScalingDecisionSince(Instant.now().minus(weeks(14)), "Escalatie");

        stallPrompts.prompt(Instant.now());
        assertThat(escalations.findByDealIdOrderByEscalatedAtAsc(stalled.getId()))
                .as("stalled, not yet for 4 more weeks")
                .isEmpty();

        Instant later = Instant.now().plus(weeks(3));
        stallPrompts.prompt(later);
        stallPrompts.prompt(later.plus(Duration.ofDays(1)));

        assertThat(escalations.findByDealIdOrderByEscalatedAtAsc(stalled.getId()))
                .hasSize(1);
        assertThat(notifications.findByKindInOrderById(List.of(NotificationKind.STALL)))
                .filteredOn(mail -> stalled.getId().equals(mail.getDealId()))
                .isNotEmpty()
                .allSatisfy(mail -> {
                    assertThat(mail.getSubject())
                            .isEqualTo("Stilgevallen City Deal bespreken — " + stalled.nameWithReference());
                    assertThat(mail.getBody()).contains("opschalingsbesluit staat al 17 weken open", "Timing:");
                })
                .extracting(mail -> mail.getRecipientUser() + "/" + mail.getRecipientEmail())
                .doesNotHaveDuplicates();
        assertThat(notifications.findByDealIdAndStatusOrderById(stalled.getId(), NotificationStatus.CANCELLED))
                .isEmpty();
    }

    @Test
    void aProposalSentBackAndUntouchedStallsUntilAStepOfTheDealIsCompleted() {
        Instant sentBack = Instant.now().minus(weeks(6)).minus(Duration.ofHours(1));
        Deal deal = inPreparation("Teruggestuurd");
        ClockUtil.setCurrentTime(Date.from(sentBack));
        registry.recordReview(deal.getId(), ReviewOutcome.SEND_BACK, "Middelen ontbreken", "petra");
        ClockUtil.reset();

        Stall stall = stalls.of(registry.get(deal.getId())).orElseThrow();
        assertThat(stall.reason()).isEqualTo(Stall.Reason.PROPOSAL_SENT_BACK);
        assertThat(stall.text(Instant.now())).isEqualTo("Voorstel teruggestuurd en sinds 6 weken niet aangepast");
        assertThat(stalls.all(Instant.now(), null))
                .extracting(s -> s.deal().getId())
                .contains(deal.getId());

        stepDates.completed(deal.getId(), Instant.now());

        assertThat(stalls.of(registry.get(deal.getId()))).isEmpty();
        assertThat(stalls.all(Instant.now(), null))
                .extracting(s -> s.deal().getId())
                .doesNotContain(deal.getId());
    }

    /** A running deal imported after its term ended: it enters its scaling decision at its registration. */
    private Deal dealInItsScalingDecisionSince(Instant registeredAt, String name) {
        ClockUtil.setCurrentTime(Date.from(registeredAt));
        try {
            LocalDate today = LocalDate.ofInstant(registeredAt, DUTCH);
            Deal deal = registry.register(newDeal(name, today.minusYears(3), today.minusDays(7)), "petra");
            runDueTimers(deal);
            return deal;
        } finally {
            ClockUtil.reset();
        }
    }

    /** Runs every timer of the deal that is due now (its past prompts, its ended term), as the job executor would. */
    private void runDueTimers(Deal deal) {
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(CityDealProcess.Variable.DEAL_ID, deal.getId())
                .singleResult()
                .getId();
        List<Job> due;
        while (!(due = managementService
                        .createJobQuery()
                        .processInstanceId(instance)
                        .timers()
                        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000))
                        .list())
                .isEmpty()) {
            // one at a time: the ended term interrupts the experimentation and takes its other timers with it
            managementService.executeJob(due.get(0).getId());
        }
    }

    private Deal inPreparation(String name) {
        return registry.register(newDeal(name, null, null), "petra");
    }

    private NewDeal newDeal(String name, LocalDate signedOn, LocalDate endsOn) {
        return new NewDeal(
                name + " " + theme,
                theme,
                "Gemeente Zwolle",
                "anna",
                "petra",
                "Een ambitie",
                DealSetup.ONE_PART,
                signedOn,
                endsOn,
                signedOn == null ? null : "Stcrt. " + signedOn.getYear() + ", 1",
                List.of(),
                null);
    }

    private static Duration weeks(long weeks) {
        return Duration.ofDays(7 * weeks);
    }
}
