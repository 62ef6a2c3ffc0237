package nl.citydeal.engine.prompt;

import java.time.Instant;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One timed prompt of one deal. */
@Entity
@Table(name = "prompt")
public class Prompt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;

    @Enumerated(EnumType.STRING)
    private PromptKind kind;

    private Instant dueAt;
    private Instant firedAt;
    private Instant doneAt;
    private String doneBy;

    @Enumerated(EnumType.STRING)
    private PromptStatus status;

    protected Prompt() {}

    Prompt(String dealId, PromptKind kind, Instant dueAt) {
        this.dealId = dealId;
        this.kind = kind;
        this.dueAt = dueAt;
        this.status = PromptStatus.PLANNED;
    }

    void fire(Instant at) {
        status = PromptStatus.DUE;
        firedAt = at;
    }

    void done(String by, Instant at) {
        status = PromptStatus.DONE;
        doneBy = by;
        doneAt = at;
    }

    /** A fired prompt whose term changed: it falls due at the new date, as its task does. */
    void moveTo(Instant due) {
        dueAt = due;
    }

    void cancel() {
        status = PromptStatus.CANCELLED;
    }

    public boolean isOpen() {
        return status == PromptStatus.PLANNED || status == PromptStatus.DUE;
    }

    /** Due and not done while its date has passed. */
    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt.isBefore(now);
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public PromptKind getKind() {
        return kind;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getFiredAt() {
        return firedAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public PromptStatus getStatus() {
        return status;
    }
}
