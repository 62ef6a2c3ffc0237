package nl.citydeal.engine.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes the SMTP server from {@code CITYDEAL_MAIL_HOST}, {@code CITYDEAL_MAIL_PORT}, {@code CITYDEAL_MAIL_USERNAME},
 * {@code CITYDEAL_MAIL_PASSWORD} and {@code CITYDEAL_MAIL_STARTTLS}, but only those that are set: without a host
 * there is no {@code spring.mail.host}, so no mail sender, and mails wait in the outbox (the demo). Settings given
 * as {@code spring.mail.*} themselves take precedence.
 */
public class MailEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "citydealMailEnvironment";
    private static final Map<String, String> VARIABLES = Map.of(
            "CITYDEAL_MAIL_HOST", "spring.mail.host",
            "CITYDEAL_MAIL_PORT", "spring.mail.port",
            "CITYDEAL_MAIL_USERNAME", "spring.mail.username",
            "CITYDEAL_MAIL_PASSWORD", "spring.mail.password",
            "CITYDEAL_MAIL_STARTTLS", "spring.mail.properties.mail.smtp.starttls.enable");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value.strip());
            }
        });
        if (properties.containsKey("spring.mail.username")) {
            properties.put("spring.mail.properties.mail.smtp.auth", "true");
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties));
        }
    }
}
