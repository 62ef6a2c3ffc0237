package nl.citydeal.engine.prompt.calendar;

import java.time.Instant;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's secret subscription address, kept as the SHA-256 hash of its token only; one per user. */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription {

    @Id
    private String userId;

    private String tokenHash;
    private Instant createdAt;

    protected CalendarSubscription() {}

    CalendarSubscription(String userId, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
