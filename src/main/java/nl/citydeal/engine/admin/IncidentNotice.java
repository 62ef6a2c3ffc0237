package nl.citydeal.engine.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That the administrators were mailed about one incident ({@link Incident#ref()}); unique per incident. */
@Entity
@Table(name = "incident_notice")
class IncidentNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ref;
    private Instant noticedAt;

    protected IncidentNotice() {}

    IncidentNotice(String ref, Instant at) {
        this.ref = ref;
        this.noticedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    Long getId() {
        return id;
    }

    String getRef() {
        return ref;
    }
}
