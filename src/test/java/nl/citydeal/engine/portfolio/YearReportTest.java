package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The yearly report: which deals ran in a year, what it says of each, and its totals. The database is shared with
 * other tests, so each test looks only at deals of a theme of its own.
 */
@CityDealSpringTest
class YearReportTest {

    static final String LEAD = "report-model-lead";

    @Autowired
    YearReport yearReport;

    @Autowired
    DealRegistry registry;

    @Autowired
    Lessons lessons;

    @Autowired
    IdentityService identityService;

    @Autowired
    Clock clock;

    String theme;
    LocalDate today;
    int year;

    @BeforeEach
    void leadAndTheme() {
        if (identityService.createUserQuery().userId(LEAD).count() == 0) {
            User user = identityService.newUser(LEAD);
            user.setPassword("Report-Lead-2026!");
            identityService.saveUser(user);
            identityService.createMembership(LEAD, Role.DEAL_LEAD.groupId());
        }
        theme = "jaarverslag-" + UUID.randomUUID();
        today = LocalDate.now(clock.withZone(PromptSchedule.ZONE));
        year = today.getYear();
    }

    @Test
    void aYearHasTheDealsThatRanInItFromRegistrationOrSigningToTheEndOfTheTerm() {
        Deal running = register("Lopend", LocalDate.of(year - 1, 3, 1), LocalDate.of(year + 1, 3, 1));
        Deal preparing = register("Voorbereiding", null, null);
        Deal ended = register("Afgelopen", LocalDate.of(year - 4, 1, 1), LocalDate.of(year - 2, 6, 30));

        assertThat(namesIn(year)).containsExactlyInAnyOrder(running.getName(), preparing.getName());
        assertThat(namesIn(year - 1)).containsExactly(running.getName());
        assertThat(namesIn(year - 2)).containsExactly(ended.getName());
        assertThat(namesIn(year - 4)).containsExactly(ended.getName());
        assertThat(namesIn(year - 5)).isEmpty();
        // a deal being prepared runs up to today, not into next year
        assertThat(namesIn(year + 1)).containsExactly(running.getName());
    }

    @Test
    void anAbandonedDealRunsUpToTheDayItWasAbandoned() {
        Deal abandoned = register("Afgeblazen", null, null);
        registry.recordAbandonment(abandoned.getId(), "Geen middelen", "petra");

        YearReport.DealReport line = lineOf(abandoned, year);

        assertThat(line.period()).isEqualTo(new YearReport.Period(today, today));
        assertThat(namesIn(year - 1)).isEmpty();
    }

    @Test
    void eachDealHasItsPhaseTermAdmittedParticipantsReadinessRoutesAndLessons() {
        Deal running = register("Volledig", LocalDate.of(year - 1, 3, 1), LocalDate.of(year + 1, 3, 1));
        registry.recordScalingDecision(
                running.getId(),
                new ScalingDecision(
                        Set.of(ScalingRoute.KNOWLEDGE_NETWORK, ScalingRoute.EMBED_IN_POLICY), "Werkt, borgen"),
                "petra");
        lessons.share(
                running.getId(),
                theme,
                "Vroeg eigenaarschap beleggen.\n\nBestuurders meenemen.",
                "Te veel deelnemers.",
                Instant.now(clock));

        YearReport.DealReport line = lineOf(running, year);

        assertThat(line.deal().getPhase()).isEqualTo(DealPhase.EXPERIMENTATION);
        assertThat(line.deal().getSignedOn()).isEqualTo(LocalDate.of(year - 1, 3, 1));
        assertThat(line.participants())
                .extracting(p -> p.getName() + "/" + p.getType())
                .containsExactly("Waterschap Test/WATER_BOARD");
        assertThat(line.readiness()).hasSize(5);
        assertThat(line.readiness())
                .extracting(ScalingReadiness.Item::question)
                .first()
                .asString()
                .startsWith("Eigenaarschap");
        assertThat(line.deal().getRoutes())
                .containsExactlyInAnyOrder(ScalingRoute.KNOWLEDGE_NETWORK, ScalingRoute.EMBED_IN_POLICY);
        assertThat(line.positiveLessons()).isEqualTo(2);
        assertThat(line.negativeLessons()).isEqualTo(1);
        assertThat(line.lessons()).extracting(l -> l.getText()).contains("Te veel deelnemers.");
    }

    @Test
    void totalsCountEveryPhaseAndRouteOverTheDealsOfTheYear() {
        Deal first = register("Totaal een", LocalDate.of(year - 1, 3, 1), LocalDate.of(year + 1, 3, 1));
        Deal second = register("Totaal twee", LocalDate.of(year - 1, 5, 1), LocalDate.of(year + 2, 5, 1));
        register("Totaal drie", null, null);
        registry.recordScalingDecision(
                first.getId(),
                new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK, ScalingRoute.MERGE), "a"),
                "petra");
        registry.recordScalingDecision(
                second.getId(), new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK), "b"), "petra");

        // the lead's report has this test's deals only (and the other tests' of the same lead): count ours
        YearReport.Report all = yearReport.of(year, LEAD);
        YearReport.Report report = new YearReport.Report(
                all.year(),
                all.today(),
                all.deals().stream()
                        .filter(line -> theme.equals(line.deal().getTheme()))
                        .toList());

        assertThat(report.perPhase()).containsEntry(DealPhase.EXPERIMENTATION, 2L);
        assertThat(report.perPhase()).containsEntry(DealPhase.PREPARATION, 1L);
        assertThat(report.perPhase()).containsEntry(DealPhase.CLOSED, 0L);
        assertThat(report.perPhase()).hasSize(DealPhase.values().length);
        assertThat(report.perRoute()).containsEntry(ScalingRoute.KNOWLEDGE_NETWORK, 2L);
        assertThat(report.perRoute()).containsEntry(ScalingRoute.MERGE, 1L);
        assertThat(report.perRoute()).containsEntry(ScalingRoute.STOP, 0L);
        assertThat(report.withoutRoute()).isEqualTo(1);
        assertThat(report.provisional()).isTrue();
    }

    @Test
    void aDealLeadsReportHasOnlyTheirDeals() {
        Deal own = register("Eigen", null, null);

        assertThat(yearReport.of(year, "someone-else-" + UUID.randomUUID()).deals())
                .extracting(line -> line.deal().getId())
                .doesNotContain(own.getId());
        assertThat(yearReport.of(year, LEAD).deals())
                .extracting(line -> line.deal().getId())
                .contains(own.getId());
    }

    @Test
    void aYearIsFourDigitsWithinTheRangeAndNoneIsTheCurrentYear() {
        assertThat(yearReport.yearOf(null)).isEqualTo(year);
        assertThat(yearReport.yearOf(" ")).isEqualTo(year);
        assertThat(yearReport.yearOf(" 2024 ")).isEqualTo(2024);
        for (String wrong : List.of("twintig", "26", "1999", String.valueOf(year + 11), "2026-01", "-2026", "２０２６")) {
            assertThatThrownBy(() -> yearReport.yearOf(wrong))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).errors().get(YearReport.FIELD))
                    .asString()
                    .startsWith("Kies een jaar tussen 2000 en");
        }
    }

    @Test
    void aPeriodOverlapsTheYearsFromItsFirstToItsLastDay() {
        YearReport.Period period = new YearReport.Period(LocalDate.of(2024, 12, 31), LocalDate.of(2026, 1, 1));

        assertThat(period.overlaps(2023)).isFalse();
        assertThat(period.overlaps(2024)).isTrue();
        assertThat(period.overlaps(2025)).isTrue();
        assertThat(period.overlaps(2026)).isTrue();
        assertThat(period.overlaps(2027)).isFalse();
    }

    private List<String> namesIn(int year) {
        return yearReport.of(year, null).deals().stream()
                .filter(line -> theme.equals(line.deal().getTheme()))
                .map(line -> line.deal().getName())
                .toList();
    }

    private YearReport.DealReport lineOf(Deal deal, int year) {
        return yearReport.of(year, null).deals().stream()
                .filter(line -> line.deal().getId().equals(deal.getId()))
                .findFirst()
                .orElseThrow();
    }

    private Deal register(String name, LocalDate signedOn, LocalDate endsOn) {
        return registry.register(
                new NewDeal(
                        name + " " + theme,
                        theme,
                        "Gemeente Zwolle",
                        LEAD,
                        "petra",
                        "Een ambitie",
                        DealSetup.ONE_PART,
                        signedOn,
                        endsOn,
                        signedOn == null ? null : "Stcrt. " + signedOn.getYear() + ", 1",
                        List.of(
                                new NewDeal.NewParticipant(
                                        "Waterschap Test", ParticipantType.WATER_BOARD, "Kennis van water", true),
                                new NewDeal.NewParticipant(
                                        "Adviesbureau Test", ParticipantType.COMPANY, "Geen eigen inbreng", false)),
                        null),
                "petra");
    }
}
