package nl.citydeal.engine.deal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.StaatscourantReference;

/** The body of {@code POST /api/deals}. Dates are ISO (yyyy-mm-dd) and optional while in preparation. */
record DealRequest(
        @NotBlank(message = "Naam is verplicht.") @Size(max = 200, message = "Naam is langer dan 200 tekens.")
        String name,

        @NotBlank(message = "Thema is verplicht.") @Size(max = 200, message = "Thema is langer dan 200 tekens.")
        String theme,

        @NotBlank(message = "Trekkende organisatie is verplicht.")
        @Size(max = 200, message = "Trekkende organisatie is langer dan 200 tekens.")
        String leadOrganisation,

        @NotBlank(message = "Dealtrekker is verplicht.")
        @Size(max = 64, message = "Dealtrekker is langer dan 64 tekens.")
        String dealLead,

        @Size(max = 64, message = "Contactpersoon is langer dan 64 tekens.")
        String programmeOfficeContact,

        @Size(max = 4000, message = "Ambitie is langer dan 4000 tekens.")
        String ambition,

        DealSetup setup,
        LocalDate signedOn,
        LocalDate endsOn,

        /** The signing's publication: year and number (checked), or else a text read once ("Staatscourant 2024, 12345"). */
        Integer staatscourantYear,

        Integer staatscourantNumber,

        @Size(max = 200, message = "Vindplaats is langer dan 200 tekens.")
        String staatscourantReference,

        /** What the deal means to scale: PRACTICE, INSTRUMENT, KNOWLEDGE, REGULATION_CHANGE (none: not known yet). */
        @Size(max = 4, message = "Hoogstens vier soorten opschaling.")
        Set<ScalingIntent> scalingIntents,

        @Valid @Size(max = 200, message = "Hoogstens 200 deelnemers per keer.")
        List<ParticipantRequest> participants) {

    /** The deal to register; a publication's year is checked against {@code today} (up to next year). */
    NewDeal toNewDeal(LocalDate today) {
        StaatscourantReference publication = StaatscourantReference.checked(
                staatscourantYear, staatscourantNumber, today, "staatscourantYear", "staatscourantNumber");
        return new NewDeal(
                name.strip(),
                theme.strip(),
                leadOrganisation.strip(),
                dealLead.strip(),
                programmeOfficeContact,
                ambition,
                setup,
                signedOn,
                endsOn,
                publication != null ? publication : StaatscourantReference.parse(staatscourantReference),
                scalingIntents,
                participants == null
                        ? List.of()
                        : participants.stream()
                                .map(ParticipantRequest::toNewParticipant)
                                .toList(),
                null);
    }

    /** A participant, screened on its added value. */
    record ParticipantRequest(
            @NotBlank(message = "Naam deelnemer is verplicht.")
            @Size(max = 200, message = "Naam deelnemer is langer dan 200 tekens.")
            String name,

            @NotNull(message = "Soort partij is verplicht.") ParticipantType type,

            @NotBlank(message = "Toegevoegde waarde is verplicht.")
            @Size(max = 4000, message = "Toegevoegde waarde is langer dan 4000 tekens.")
            String addedValue,

            Boolean accepted) {

        NewDeal.NewParticipant toNewParticipant() {
            return new NewDeal.NewParticipant(name.strip(), type, addedValue.strip(), accepted == null || accepted);
        }
    }
}
