package nl.citydeal.engine.deal;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every deal gets a readable reference at registration, CD-&lt;year&gt;-&lt;nnn&gt;, numbered per year in registration
 * order; it is the business key of its process. The tests register in years far ahead (the application's clock is
 * the engine's), which no other test registers in, so that the numbers are theirs to know.
 */
@CityDealSpringTest
@AlsoOnPostgres
class DealReferencesTest {

    static final String LEAD = "anna";

    @Autowired
    DealRegistry registry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void setUp() {
        if (identityService.createUserQuery().userId(LEAD).count() == 0) {
            identityService.saveUser(identityService.newUser(LEAD));
            identityService.createMembership(LEAD, Role.DEAL_LEAD.groupId());
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void registrationNumbersTheDealsOfAYearInOrderAndStartsAgainAtOneInTheNextYear() {
        at("2091-03-01T10:00+01:00");
        Deal first = registry.register(newDeal("Eerste deal van 2091"), "petra");
        Deal second = registry.register(newDeal("Tweede deal van 2091"), "petra");
        // 23:30 on 31 December in UTC is already 00:30 on 1 January in Amsterdam: the Dutch year counts
        at("2091-12-31T23:30Z");
        Deal third = registry.register(newDeal("Eerste deal van 2092"), "petra");
        at("2092-01-02T10:00+01:00");
        Deal fourth = registry.register(newDeal("Tweede deal van 2092"), "petra");

        assertThat(List.of(first, second, third, fourth))
                .extracting(Deal::getReference)
                .containsExactly("CD-2091-001", "CD-2091-002", "CD-2092-001", "CD-2092-002");
        assertThat(registry.get(second.getId()).getReference()).isEqualTo("CD-2091-002");
    }

    @Test
    void theDealsProcessHasItsReferenceAsBusinessKeyAndItsIdAsVariable() {
        at("2094-05-01T10:00+02:00");
        Deal deal = registry.register(newDeal("Deal met kenmerk"), "petra");

        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKey("CD-2094-001")
                .singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), DEAL_ID)).isEqualTo(deal.getId());
    }

    @Test
    void aDealStartedFromTasklistGetsTheNextReferenceToo() {
        at("2095-05-01T10:00+02:00");
        registry.register(newDeal("Eerste deal van 2095"), "petra");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                java.util.Map.of(
                        CityDealProcess.Variable.DEAL_NAME,
                        "Deal uit de takenlijst",
                        CityDealProcess.Variable.DEAL_LEAD,
                        LEAD));

        String dealId = (String) runtimeService.getVariable(instance.getId(), DEAL_ID);
        assertThat(registry.get(dealId).getReference()).isEqualTo("CD-2095-002");
        assertThat(instance.getBusinessKey()).isEqualTo("CD-2095-002");
    }

    @Test
    void twoRegistrationsAtTheSameMomentGetTwoNumbers() throws Exception {
        at("2093-06-01T10:00+02:00");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Deal>> registrations = List.of("A", "B").stream()
                    .map(name -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(e);
                                }
                                return registry.register(newDeal("Gelijktijdige deal " + name), "petra");
                            },
                            threads))
                    .toList();
            start.countDown();
            Set<String> references = Set.of(
                    registrations.get(0).get(30, TimeUnit.SECONDS).getReference(),
                    registrations.get(1).get(30, TimeUnit.SECONDS).getReference());
            assertThat(references).containsExactlyInAnyOrder("CD-2093-001", "CD-2093-002");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReferenceHasThreeDigitsAtLeast() {
        assertThat(DealReferences.format(2026, 14)).isEqualTo("CD-2026-014");
        assertThat(DealReferences.format(2026, 999)).isEqualTo("CD-2026-999");
        assertThat(DealReferences.format(2026, 1000)).isEqualTo("CD-2026-1000");
    }

    private static void at(String time) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
    }

    private static NewDeal newDeal(String name) {
        return new NewDeal(
                name,
                "kenmerken",
                "Gemeente Zwolle",
                LEAD,
                null,
                "Leesbare kenmerken",
                null,
                null,
                null,
                (StaatscourantReference) null,
                Set.of(),
                List.of(),
                null);
    }
}
