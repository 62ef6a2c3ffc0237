package nl.citydeal.engine.admin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The administrators' audit trail, newest first. */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findTop100ByOrderByOccurredAtDescIdDesc();

    @Modifying
    @Query("delete from AuditEntry e where e.occurredAt < :before")
    int deleteOlderThan(@Param("before") java.time.Instant before);
}
