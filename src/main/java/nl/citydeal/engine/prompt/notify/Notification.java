package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import nl.citydeal.engine.prompt.PromptKind;

/**
 * One mail in the outbox. Recorded in the transaction that causes it, sent afterwards by {@link OutboxSender}: the
 * node that claims it (an atomic update of {@code claimedBy}/{@code claimedUntil}) sends it and marks it sent.
 * {@code dedupeKey} is unique: the same mail can be recorded only once.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dedupeKey;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String dealId;
    private Long promptId;

    @Enumerated(EnumType.STRING)
    private PromptKind promptKind;

    private Instant dueAt;
    private String recipientUser;
    private String recipientEmail;
    private String subject;
    private String body;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;
    private Instant nextAttemptAt;
    private String claimedBy;
    private Instant claimedUntil;
    private Instant sentAt;
    private String lastError;
    private Instant createdAt;

    protected Notification() {}

    Notification(
            String dedupeKey,
            NotificationKind kind,
            String dealId,
            Long promptId,
            PromptKind promptKind,
            Instant dueAt,
            String recipientUser,
            String recipientEmail,
            String subject,
            String body,
            Instant now) {
        this.dedupeKey = dedupeKey;
        this.kind = kind;
        this.dealId = dealId;
        this.promptId = promptId;
        this.promptKind = promptKind;
        this.dueAt = dueAt;
        this.recipientUser = recipientUser;
        this.recipientEmail = recipientEmail;
        this.subject = subject;
        this.body = body;
        this.status = NotificationStatus.PENDING;
        // the database keeps microseconds and rounds: a mail due "now" must not land a fraction later
        this.nextAttemptAt = now.truncatedTo(ChronoUnit.MICROS);
        this.createdAt = this.nextAttemptAt;
        if (recipientEmail == null || recipientEmail.isBlank()) {
            this.recipientEmail = null;
            this.status = NotificationStatus.FAILED;
            this.lastError = "Geen e-mailadres bekend voor %s.".formatted(recipientUser);
        }
    }

    /** Whether the mail is about one prompt (and so falls away when that prompt is done). */
    public boolean isAboutPrompt() {
        return kind != NotificationKind.DIGEST && promptId != null;
    }

    /** The Message-ID the mail carries, derived from its id: receivers can drop a duplicate delivery. */
    public String messageId(String domain) {
        return "<notification-%d@%s>".formatted(id, domain);
    }

    public Long getId() {
        return id;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getDealId() {
        return dealId;
    }

    public Long getPromptId() {
        return promptId;
    }

    public PromptKind getPromptKind() {
        return promptKind;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getRecipientUser() {
        return recipientUser;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
