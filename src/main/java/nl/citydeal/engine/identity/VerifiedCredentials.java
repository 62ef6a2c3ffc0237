package nl.citydeal.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Passwords that the identity service accepted a moment ago, so that an API client, which sends its password with
 * every request, costs one slow hash a while rather than one per request. Held in memory only, as a keyed hash
 * (HMAC-SHA256 under a key made at start and never stored), one per user, for
 * {@code citydeal.passwords.verified-for}. Only an accepted password is held: a wrong one always goes to the
 * identity service, which counts it and locks the user for a while. A password changed in the identity service is
 * still taken, for that while, from the client that used it last.
 */
@Component
class VerifiedCredentials {

    private static final String ALGORITHM = "HmacSHA256";

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration verifiedFor;
    private final Clock clock;

    VerifiedCredentials(PasswordProperties passwords, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.verifiedFor = passwords.verifiedFor();
        this.clock = clock;
    }

    /** Whether this user's password was accepted as it is now within the last while. */
    boolean recentlyAccepted(String userId, String password) {
        Entry entry = verified.get(userId);
        if (entry == null) {
            return false;
        }
        if (!clock.instant().isBefore(entry.until())) {
            verified.remove(userId, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(userId, password));
    }

    void accepted(String userId, String password) {
        if (!verifiedFor.isZero() && !verifiedFor.isNegative()) {
            verified.put(
                    userId, new Entry(mac(userId, password), clock.instant().plus(verifiedFor)));
        }
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    private record Entry(byte[] mac, Instant until) {}
}
