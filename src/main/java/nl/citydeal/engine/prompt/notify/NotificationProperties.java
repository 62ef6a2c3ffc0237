package nl.citydeal.engine.prompt.notify;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mails go out ({@code citydeal.mail.*}).
 *
 * @param from                   the sender address
 * @param programmeOfficeAddress a shared mailbox of the programme office that gets escalations and the digest too
 *                               (optional)
 * @param node                   this node's name in the outbox claims (default: host name plus a random suffix)
 * @param sendInterval           pause between two runs of the outbox sender
 * @param batchSize              mails one run claims at most
 * @param lease                  how long a claim holds; after it another node (or this one after a restart) may send
 *                               the mail. Must be well above the SMTP timeouts
 * @param maxAttempts            attempts before a mail is given up (FAILED, still shown on the outbox page)
 * @param backoff                waits after the 1st, 2nd, ... failed attempt; the last one repeats
 */
@ConfigurationProperties("citydeal.mail")
public record NotificationProperties(
        String from,
        String programmeOfficeAddress,
        String node,
        Duration sendInterval,
        Integer batchSize,
        Duration lease,
        Integer maxAttempts,
        List<Duration> backoff) {

    static final Duration MAX_BACKOFF = Duration.ofHours(12);

    public NotificationProperties {
        from = blank(from) ? "noreply@citydeal.example" : from.strip();
        programmeOfficeAddress = blank(programmeOfficeAddress) ? null : programmeOfficeAddress.strip();
        node = blank(node) ? defaultNode() : node.strip();
        sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
        backoff = backoff == null || backoff.isEmpty()
                ? List.of(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        MAX_BACKOFF)
                : List.copyOf(backoff);
    }

    /** The wait after the given failed attempt (1 for the first), never more than 12 hours. */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = backoff.get(Math.max(0, Math.min(failedAttempts, backoff.size()) - 1));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** The domain of the sender address, for Message-IDs. */
    public String domain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "citydeal.example" : from.substring(at + 1);
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
