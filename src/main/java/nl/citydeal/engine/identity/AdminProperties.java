package nl.citydeal.engine.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on a start without the demo profile when the database has none.
 * Bound from {@code CITYDEAL_ADMIN_USER} and {@code CITYDEAL_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("citydeal.admin")
public record AdminProperties(String user, String password) {

    public AdminProperties {
        user = user == null || user.isBlank() ? "admin" : user;
    }

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}
