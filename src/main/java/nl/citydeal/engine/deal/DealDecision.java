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
        CLOSED,
        /** The deal was abandoned before it got going (no commitment with resources, not signed, proposal refused). */
        ABANDONED,
        /** The other party sent a proposed scaling decision back, with remarks. */
        SCALING_DECISION_REFUSED,
        /** The other party sent a proposed early end back, with remarks. */
        EARLY_END_REFUSED,
        /** The programme office refused the extension the scaling decision chose; the decision is taken again. */
        EXTENSION_REFUSED,
        /** A route's hand-over failed; once the other hand-overs are done, the decision is taken again. */
        HAND_OVER_FAILED,
        /** The deal's deputies, administrative leads or participants' contact persons changed. */
        PEOPLE_CHANGED,
        /** What the deal means to scale changed (in the scaling exploration). */
        SCALING_INTENT_CHANGED,
        /** An administrator deployed a changed prompt schedule, which moved the deal's prompts still to come. */
        PROMPTS_RESCHEDULED
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

    /**
     * Of a joint decision (or a refused proposal): who proposed it and when; {@code decidedBy} and {@code decidedAt}
     * are who confirmed (or refused) it and when. Null for decisions one party takes alone.
     */
    private String proposedBy;

    private Instant proposedAt;

    /** Of a term change (an extension): its publication in the Staatscourant, year and number or a text. */
    private Integer staatscourantYear;

    private Integer staatscourantNumber;
    private String staatscourantReference;

    protected DealDecision() {}

    /** A review of the proposal, with its outcome. */
    public DealDecision(String dealId, Instant decidedAt, String decidedBy, ReviewOutcome outcome, String summary) {
        this(dealId, decidedAt, decidedBy, Kind.PROPOSAL_REVIEWED, summary);
        this.outcome = outcome;
    }

    /** A joint decision, or the answer to a proposal: proposed by one party, confirmed or refused by the other. */
    public DealDecision(String dealId, Instant decidedAt, JointDecision joint, Kind kind, String summary) {
        this(dealId, decidedAt, joint.answeredBy(), kind, summary);
        this.proposedBy = joint.proposedBy();
        this.proposedAt = joint.proposedAt();
    }

    public DealDecision(String dealId, Instant decidedAt, String decidedBy, Kind kind, String summary) {
        this.dealId = dealId;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.kind = kind;
        this.summary = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
    }

    /** The decision with the publication in the Staatscourant it rests on (an extension's); none: unchanged. */
    DealDecision publishedIn(StaatscourantReference reference) {
        if (reference != null) {
            this.staatscourantYear = reference.year();
            this.staatscourantNumber = reference.number();
            this.staatscourantReference = reference.text();
        }
        return this;
    }

    /** The publication in the Staatscourant this decision rests on (an extension's); null for none. */
    public StaatscourantReference getStaatscourant() {
        if (staatscourantYear == null && staatscourantReference == null) {
            return null;
        }
        return new StaatscourantReference(staatscourantYear, staatscourantNumber, staatscourantReference);
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

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    /** The registration of a deal the demo took in earlier (see {@link DealRegistry#registeredEarlier}). */
    void decidedEarlier(Instant at) {
        this.decidedAt = at;
    }
}
