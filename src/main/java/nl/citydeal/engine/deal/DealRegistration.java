package nl.citydeal.engine.deal;

import java.time.LocalDate;

/** What is known of a City Deal when it is registered, before preparation starts. */
public record DealRegistration(String name, String theme, String leadOrganisation, String dealLead,
                               String programmeOfficeContact, String ambition, LocalDate plannedSigningDate,
                               LocalDate plannedEndDate, String predecessorDealId) {
}
