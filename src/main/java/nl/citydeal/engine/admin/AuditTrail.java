package nl.citydeal.engine.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** Writes and reads the administrators' audit trail: who deployed or migrated what, when. */
@Service
public class AuditTrail {

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    public void record(String actor, AuditAction action, String details) {
        log.save(new AuditEntry(Instant.now(Clock.systemUTC()), actor == null ? "onbekend" : actor, action, details));
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> recent() {
        return log.findTop100ByOrderByOccurredAtDescIdDesc();
    }
}
