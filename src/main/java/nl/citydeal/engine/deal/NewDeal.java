package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A deal as it is registered: in preparation, or a running deal being imported with its term; with what it means to
 * scale (none: not known yet).
 */
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
        StaatscourantReference staatscourant,
        Set<ScalingIntent> scalingIntents,
        List<NewParticipant> participants,
        String predecessorId) {

    public NewDeal {
        scalingIntents = ScalingIntent.copyOf(scalingIntents);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /**
     * A deal whose scaling intent is not known yet, with its Staatscourant reference as text (read once: "Staatscourant
     * 2024, 12345" becomes its year and number, anything else stays text).
     */
    public NewDeal(
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
        this(
                name,
                theme,
                leadOrganisation,
                dealLead,
                programmeOfficeContact,
                ambition,
                setup,
                signedOn,
                endsOn,
                StaatscourantReference.parse(staatscourantReference),
                Set.of(),
                participants,
                predecessorId);
    }

    /** A participant as registered: screened on its added value. */
    public record NewParticipant(String name, ParticipantType type, String addedValue, boolean accepted) {}
}
