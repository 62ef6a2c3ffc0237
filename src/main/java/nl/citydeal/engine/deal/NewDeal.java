package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.util.List;

/** A deal as it is registered: in preparation, or a running deal being imported with its term. */
public record NewDeal(
        String name,
        String theme,
        String leadOrganisation,
        String dealLead,
        String programmeOfficeContact,
        String ambition,
        DealSetup setup,
        LocalDate signedOn,
        LocalDate endsOn,
        String staatscourantReference,
        List<NewParticipant> participants,
        String predecessorId) {

    public NewDeal {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** A participant as registered: screened on its added value. */
    public record NewParticipant(String name, ParticipantType type, String addedValue, boolean accepted) {}
}
