package nl.citydeal.engine.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where users reach the application, for links in mails and calendar events ({@code citydeal.base-url}). */
@ConfigurationProperties("citydeal")
public record SiteProperties(String baseUrl) {

    public SiteProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
