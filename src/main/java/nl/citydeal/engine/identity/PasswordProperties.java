package nl.citydeal.engine.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How passwords are hashed: PBKDF2-HMAC-SHA256 with {@code pbkdf2Iterations} iterations. An API client sends its
 * password with every request (HTTP Basic); a password checked against its hash is taken as checked for
 * {@code verifiedFor} afterwards, so the slow hash is computed once a minute per client, not once per request.
 */
@ConfigurationProperties("citydeal.passwords")
public record PasswordProperties(Integer pbkdf2Iterations, Duration verifiedFor) {

    public PasswordProperties {
        pbkdf2Iterations = pbkdf2Iterations == null ? 310_000 : pbkdf2Iterations;
        verifiedFor = verifiedFor == null ? Duration.ofMinutes(1) : verifiedFor;
    }
}
