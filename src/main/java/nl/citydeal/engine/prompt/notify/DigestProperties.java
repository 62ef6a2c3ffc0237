package nl.citydeal.engine.prompt.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** When the weekly digest for the programme office goes out ({@code citydeal.digest.cron}, Europe/Amsterdam). */
@ConfigurationProperties("citydeal.digest")
public record DigestProperties(String cron) {

    public DigestProperties {
        cron = cron == null || cron.isBlank() ? "0 0 8 * * MON" : cron;
    }
}
