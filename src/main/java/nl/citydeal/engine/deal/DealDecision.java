package nl.citydeal.engine.deal;

import java.time.Instant;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry in a deal's audit trail: who decided what, when. */
@Entity
@Table(name = "deal_decision")
public class DealDecision {

    /** The decisions the trail records. */
    public enum Kind {
        REGISTERED,
        PROPOSAL_REVIEWED,
        SIGNED,
        TERM_CHANGED,
        PARTICIPANT_SCREENED,
        LEAD_CHANGED,
        EXPERIMENTATION_ENDED,
        SCALING_DECIDED,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;
    private Instant decidedAt;
    private String decidedBy;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String summary;

    /** The outcome of a proposal review; null for every other kind. */
    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;

    protected DealDecision() {}

    /** A review of the proposal, with its outcome. */
    public DealDecision(String dealId, Instant decidedAt, String decidedBy, ReviewOutcome outcome, String summary) {
        this(dealId, decidedAt, decidedBy, Kind.PROPOSAL_REVIEWED, summary);
        this.outcome = outcome;
    }

    public DealDecision(String dealId, Instant decidedAt, String decidedBy, Kind kind, String summary) {
        this.dealId = dealId;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.kind = kind;
        this.summary = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public ReviewOutcome getOutcome() {
        return outcome;
    }
}
