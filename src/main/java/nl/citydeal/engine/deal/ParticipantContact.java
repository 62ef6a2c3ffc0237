package nl.citydeal.engine.deal;

/** The contact person of a participant: a name, their role, an e-mail address (role and e-mail may be empty). */
public record ParticipantContact(String name, String role, String email) {

    /** "Naam (rol, e-mail)". */
    public String describe() {
        return new AdministrativeLead(name, role, email).describe();
    }
}
