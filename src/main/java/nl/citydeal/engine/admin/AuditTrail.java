package nl.citydeal.engine.admin;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

/** Writes and reads the administrators' audit trail: who deployed or migrated what, when. */
@Service
public class AuditTrail {

    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditTrail(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String details) {
        entries.save(new AuditEntry(clock.instant(), actor == null ? "onbekend" : actor, action, details));
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> recent() {
        return entries.findTop100ByOrderByOccurredAtDescIdDesc();
    }
}
