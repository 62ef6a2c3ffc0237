package nl.citydeal.engine.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import nl.citydeal.engine.deal.DealPhase;

/**
 * One completed step of a deal: the task, the phase it belongs to, the lesson behind it, who completed it and when,
 * and the answers of its form. Written in the completion's transaction; never changed afterwards.
 */
@Entity
@Table(name = "dossier_entry")
public class DossierEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;
    private String processInstanceId;
    private String taskId;
    private String activityId;
    private String taskName;

    /** The phase the deal was in when the step was completed; null when the process had not set one. */
    @Enumerated(EnumType.STRING)
    private DealPhase phase;

    private String lesson;
    private String completedBy;
    private Instant completedAt;

    /** Rebuilt from the engine's history after the fact: the deal ran before the dossier existed. */
    private boolean fromHistory;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_field", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "field_order")
    private List<DossierField> fields = new ArrayList<>();

    protected DossierEntry() {}

    DossierEntry(CompletedStep step, Instant completedAt, List<DossierField> fields, boolean fromHistory) {
        this(step, completedAt, fields);
        this.fromHistory = fromHistory;
    }

    DossierEntry(CompletedStep step, Instant completedAt, List<DossierField> fields) {
        this.dealId = step.dealId();
        this.processInstanceId = step.processInstanceId();
        this.taskId = step.taskId();
        this.activityId = step.activityId();
        this.taskName = Dossier.cut(step.taskName(), 255);
        this.phase = step.phase();
        this.lesson = Dossier.cut(step.lesson(), 4000);
        this.completedBy = step.completedBy();
        this.completedAt = completedAt;
        this.fields = new ArrayList<>(fields);
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getActivityId() {
        return activityId;
    }

    public String getTaskName() {
        return taskName;
    }

    public DealPhase getPhase() {
        return phase;
    }

    public String getLesson() {
        return lesson;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public boolean isFromHistory() {
        return fromHistory;
    }

    public List<DossierField> getFields() {
        return List.copyOf(fields);
    }
}
