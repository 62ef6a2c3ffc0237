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

import nl.citydeal.engine.deal.Stall;

/**
 * That the programme office was prompted to discuss one stall of a deal (its reason, since when). Unique per stall:
 * the daily run on every node prompts once, and a deal that stalls again later (a new moment) is prompted again.
 */
@Entity
@Table(name = "stall_escalation")
public class StallEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;

    @Enumerated(EnumType.STRING)
    private Stall.Reason reason;

    private Instant since;
    private Instant escalatedAt;

    protected StallEscalation() {}

    StallEscalation(Stall stall, Instant at) {
        this.dealId = stall.dealId();
        this.reason = stall.reason();
        this.since = since(stall);
        this.escalatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The database keeps microseconds: the key of a stall is its moment at that precision. */
    static Instant since(Stall stall) {
        return stall.since().truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public Stall.Reason getReason() {
        return reason;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }
}
