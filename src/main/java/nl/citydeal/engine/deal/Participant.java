package nl.citydeal.engine.deal;

import java.time.LocalDate;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A party screened on its added value for a deal, admitted or not; late joiners too. */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;
    private String name;

    @Enumerated(EnumType.STRING)
    private ParticipantType type;

    private String addedValue;
    private boolean accepted;
    private LocalDate joinedOn;
    private boolean lateJoiner;

    protected Participant() {}

    public Participant(
            String dealId,
            String name,
            ParticipantType type,
            String addedValue,
            boolean accepted,
            LocalDate joinedOn,
            boolean lateJoiner) {
        this.dealId = dealId;
        this.name = name;
        this.type = type;
        this.addedValue = addedValue;
        this.accepted = accepted;
        this.joinedOn = joinedOn;
        this.lateJoiner = lateJoiner;
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public String getName() {
        return name;
    }

    public ParticipantType getType() {
        return type;
    }

    public String getAddedValue() {
        return addedValue;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public boolean isLateJoiner() {
        return lateJoiner;
    }
}
