package nl.citydeal.engine.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How passwords are hashed: PBKDF2-HMAC-SHA256 with this many iterations. Every login through HTTP Basic (the
 * APIs) computes one hash, so more iterations cost CPU per API call.
 */
@ConfigurationProperties("citydeal.passwords")
public record PasswordProperties(Integer pbkdf2Iterations) {

    public PasswordProperties {
        pbkdf2Iterations = pbkdf2Iterations == null ? 310_000 : pbkdf2Iterations;
    }
}
