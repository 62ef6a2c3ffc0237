package nl.citydeal.engine.prompt.notify;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;

import static nl.citydeal.engine.prompt.PromptWorld.ANNA;
import static nl.citydeal.engine.prompt.PromptWorld.PETRA;
import static org.awaitility.Awaitility.await;

/**
 * With scheduling on, as in the application, a prompt that fires reaches the mailbox by itself, once. The context is
 * closed afterwards, so its scheduler does not go on sending for the other tests (they share the database).
 */
@CityDealSpringTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScheduledDeliveryTest {

    static final int SMTP_PORT = PromptMailTest.freePort();
    static final GreenMail SMTP = start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("citydeal.scheduling.enabled", () -> "true");
        registry.add("citydeal.mail.send-interval", () -> "PT0.2S");
        registry.add("citydeal.reminders.cron", () -> "-");
        registry.add("citydeal.digest.cron", () -> "-");
    }

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

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void firedPromptIsMailedByTheScheduledSenderExactlyOnce() {
        PromptWorld world =
                new PromptWorld(identityService, registry, runtimeService, managementService, taskService).withPeople();
        String deal =
                world.runningDeal("City Deal Vanzelf", ANNA, PETRA, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));

        world.fire(deal, PromptWorld.timerOf(PromptKind.SCALING_EXPLORATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> mails("City Deal Vanzelf") == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> mails("City Deal Vanzelf") == 1);
    }

    private static long mails(String dealName) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> PromptMailTest.subject(m).contains(dealName))
                .count();
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
