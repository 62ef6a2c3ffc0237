package nl.citydeal.engine.admin;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who deployed or migrated what, when ({@code admin_audit}, created by {@code V100__admin_audit.sql}). */
@Entity
@Table(name = "admin_audit")
public class AuditEntry {

    static final int MAX_DETAILS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 40)
    private AuditAction action;

    @Column(name = "details", nullable = false, length = MAX_DETAILS)
    private String details;

    protected AuditEntry() {}

    public AuditEntry(Instant occurredAt, String actor, AuditAction action, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.details = details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS - 1) + "\u2026" : details;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }
}
