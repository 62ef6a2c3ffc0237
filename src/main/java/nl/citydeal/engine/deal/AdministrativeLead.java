package nl.citydeal.engine.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An administrative lead (bestuurder) of a deal: the answerability reviews are held with them. The organisation
 * holds their organisation or role ("wethouder, gemeente Utrecht"); organisation and e-mail may be empty.
 */
@Embeddable
public record AdministrativeLead(
        @Column(name = "name") String name,
        @Column(name = "organisation") String organisation,
        @Column(name = "email") String email) {

    /** "Naam (organisatie, e-mail)", as the review form and the history show it. */
    public String describe() {
        StringBuilder text = new StringBuilder(name);
        String details = String.join(
                ", ",
                java.util.stream.Stream.of(organisation, email)
                        .filter(v -> v != null && !v.isBlank())
                        .toList());
        if (!details.isEmpty()) {
            text.append(" (").append(details).append(')');
        }
        return text.toString();
    }
}
