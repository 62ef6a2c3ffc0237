package nl.citydeal.engine.prompt.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;

/**
 * Secret subscription addresses for the calendar feed ({@code /calendar/{token}.ics}), for calendars that cannot log
 * in (Outlook, Google Calendar, Apple Calendar). A token is 32 random bytes from {@link SecureRandom}, URL-safe
 * base64 without padding (43 characters); only its SHA-256 hash is stored, so the address is shown once, when it is
 * made. One per user: a new one replaces the old at once, revoking removes it.
 */
@Service
@Transactional
public class CalendarSubscriptions {

    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarSubscriptionRepository repository;
    private final Recipients recipients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarSubscriptions(CalendarSubscriptionRepository repository, Recipients recipients, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Makes a new address for the user, replacing their old one; returns the token, which is not kept. */
    public String renew(String userId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.findById(userId).ifPresent(old -> {
            repository.delete(old);
            repository.flush();
        });
        repository.save(new CalendarSubscription(userId, hash(token), clock.instant()));
        return token;
    }

    /** Removes the user's address, if they have one. */
    public void revoke(String userId) {
        repository.deleteById(userId);
    }

    /** When the user's current address was made; empty when they have none. */
    @Transactional(readOnly = true)
    public Optional<Instant> madeAt(String userId) {
        return repository.findById(userId).map(CalendarSubscription::getCreatedAt);
    }

    /**
     * The owner of a token, looked up by its hash: empty for a malformed, unknown or revoked token, and for a user
     * who no longer exists or whose login is locked ({@link Recipients#active}).
     */
    @Transactional(readOnly = true)
    public Optional<Recipient> owner(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return repository
                .findByTokenHash(hash(token))
                .flatMap(subscription -> recipients.active(subscription.getUserId()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
