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

    /** The participant's contact person: name, role and e-mail (all null while there is none). */
    private String contactName;

    private String contactRole;
    private String contactEmail;

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

    void changeContact(ParticipantContact contact) {
        this.contactName = contact == null ? null : contact.name();
        this.contactRole = contact == null ? null : contact.role();
        this.contactEmail = contact == null ? null : contact.email();
    }

    /** The participant's contact person, if one is known. */
    public ParticipantContact getContact() {
        return contactName == null ? null : new ParticipantContact(contactName, contactRole, contactEmail);
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
