package nl.citydeal.engine.prompt.notify;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without a mail server (as in the demo) mails wait in the outbox, and administrators read them on the outbox page. */
@CityDealSpringTest
@AutoConfigureMockMvc
class OutboxPageTest {

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
    OutboxDelivery delivery;

    @Test
    void withoutAMailServerPromptMailsWaitAndAdministratorsReadThemOnTheOutboxPage() throws Exception {
        PromptWorld world =
                new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
        String deal =
                world.runningDeal("City Deal Postvak", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        world.fire(deal, PromptWorld.timerOf(PromptKind.OWNERSHIP_CONVERSATION));

        assertThat(delivery.mailEnabled()).isFalse();
        mvc.perform(get("/admin/outbox").with(user("test-admin").authorities(() -> Role.ADMINISTRATOR.authority())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uitgaande mail")))
                .andExpect(content().string(containsString("geen mailserver ingesteld")))
                .andExpect(content()
                        .string(containsString("Herinnering: Eigenaarschapsgesprek voeren — City Deal Postvak")))
                .andExpect(content().string(containsString("aan Anna Jansen &lt;anna@citydeal.example&gt;")))
                .andExpect(content().string(containsString(PromptKind.OWNERSHIP_CONVERSATION.lesson())))
                .andExpect(content().string(containsString("Wacht")));
    }

    @Test
    void outboxPageIsForAdministratorsOnly() throws Exception {
        mvc.perform(get("/admin/outbox").with(user(PETRA).authorities(() -> Role.PROGRAMME_OFFICE.authority())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));
    }
}
