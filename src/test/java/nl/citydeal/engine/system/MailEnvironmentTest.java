package nl.citydeal.engine.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail server comes from CITYDEAL_MAIL_* only when those are set, so the demo needs none. */
class MailEnvironmentTest {

    @Test
    void withoutAHostThereIsNoMailServer() {
        MockEnvironment environment = new MockEnvironment();

        new MailEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("spring.mail.host")).isFalse();
        assertThat(environment.getPropertySources().contains(MailEnvironment.SOURCE))
                .isFalse();
    }

    @Test
    void citydealMailVariablesBecomeTheSpringMailSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("CITYDEAL_MAIL_HOST", "smtp.gemeente.example")
                .withProperty("CITYDEAL_MAIL_PORT", "587")
                .withProperty("CITYDEAL_MAIL_USERNAME", "citydeal")
                .withProperty("CITYDEAL_MAIL_PASSWORD", "geheim")
                .withProperty("CITYDEAL_MAIL_STARTTLS", "true");

        new MailEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.gemeente.example");
        assertThat(environment.getProperty("spring.mail.port")).isEqualTo("587");
        assertThat(environment.getProperty("spring.mail.username")).isEqualTo("citydeal");
        assertThat(environment.getProperty("spring.mail.password")).isEqualTo("geheim");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.auth"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable"))
                .isEqualTo("true");
    }

    @Test
    void explicitSpringMailSettingsWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("CITYDEAL_MAIL_HOST", "smtp.gemeente.example")
                .withProperty("spring.mail.host", "smtp.elders.example");

        new MailEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.elders.example");
    }
}
