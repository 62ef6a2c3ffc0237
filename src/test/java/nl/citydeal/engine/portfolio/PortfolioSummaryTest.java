package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio's counts come from the database in a few queries; they agree with counting the deals and their
 * prompts one by one.
 */
@CityDealSpringTest
class PortfolioSummaryTest {

    /** Each test its own deal lead, so that it counts its own deals only. */
    static final String LEAD = "summary-lead";

    static final String LINES_LEAD = "lines-lead";

    @Autowired
    Portfolio portfolio;

    @Autowired
    DealRegistry registry;

    @Autowired
    Prompts promptLog;

    @Autowired
    IdentityService identityService;

    @Autowired
    Clock clock;

    @BeforeEach
    void leads() {
        for (String lead : List.of(LEAD, LINES_LEAD)) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                User user = identityService.newUser(lead);
                user.setPassword("Portfolio-Lead-2026!");
                identityService.saveUser(user);
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    @Test
    void summaryCountsOneLeadsDealsAndPromptsAsTheirOwnPromptLogsDo() {
        LocalDate today = LocalDate.now(clock.withZone(PromptSchedule.ZONE));
        List<Deal> deals = List.of(
                registry.register(deal("Samenvatting nieuw", LEAD, null, null), "test"),
                registry.register(
                        deal(
                                "Samenvatting lopend",
                                LEAD,
                                today.minusMonths(20),
                                today.minusMonths(20).plusYears(3)),
                        "test"),
                registry.register(
                        deal(
                                "Samenvatting jong",
                                LEAD,
                                today.minusMonths(10),
                                today.minusMonths(10).plusYears(3)),
                        "test"));

        Portfolio.Summary summary = portfolio.summary(LEAD);

        Instant now = clock.instant();
        YearMonth month = YearMonth.from(today);
        long overdue = 0;
        long dueThisMonth = 0;
        for (Deal deal : deals) {
            for (Prompt prompt : promptLog.forDeal(deal.getId())) {
                overdue += prompt.isOverdue(now) ? 1 : 0;
                dueThisMonth += prompt.isOpen()
                                && YearMonth.from(prompt.getDueAt().atZone(PromptSchedule.ZONE))
                                        .equals(month)
                        ? 1
                        : 0;
            }
        }
        assertThat(overdue).as("the imported deals' past prompts").isGreaterThanOrEqualTo(4);
        assertThat(summary.overduePrompts()).isEqualTo(overdue);
        assertThat(summary.promptsDueThisMonth()).isEqualTo(dueThisMonth);
        assertThat(summary.byPhase()).isEqualTo(Map.of(DealPhase.PREPARATION, 1L, DealPhase.EXPERIMENTATION, 2L));
        assertThat(summary.routesChosen()).isEmpty();

        Portfolio.Summary all = portfolio.summary(null);
        assertThat(all.overduePrompts()).isGreaterThanOrEqualTo(overdue);
        assertThat(all.byPhase().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(registry.count());
    }

    @Test
    void linesGiveEachDealItsEarliestOpenPromptAndItsOverdueCount() {
        LocalDate today = LocalDate.now(clock.withZone(PromptSchedule.ZONE));
        Deal running = registry.register(
                deal(
                        "Regels lopend",
                        LINES_LEAD,
                        today.minusMonths(20),
                        today.minusMonths(20).plusYears(3)),
                "test");

        Portfolio.DealLine line = portfolio.lines(LINES_LEAD).stream()
                .filter(l -> l.deal().getId().equals(running.getId()))
                .findFirst()
                .orElseThrow();

        List<Prompt> open = promptLog.forDeal(running.getId()).stream()
                .filter(Prompt::isOpen)
                .toList();
        assertThat(line.nextPrompt().getDueAt())
                .isEqualTo(open.stream()
                        .map(Prompt::getDueAt)
                        .min(Instant::compareTo)
                        .orElseThrow());
        assertThat(line.overduePrompts())
                .isEqualTo(
                        open.stream().filter(p -> p.isOverdue(clock.instant())).count())
                .isPositive();
    }

    private static NewDeal deal(String name, String lead, LocalDate signedOn, LocalDate endsOn) {
        return new NewDeal(
                name, "Wonen", "Gemeente Test", lead, null, null, null, signedOn, endsOn, null, List.of(), null);
    }
}
