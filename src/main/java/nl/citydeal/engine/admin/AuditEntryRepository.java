package nl.citydeal.engine.admin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The administrators' audit trail, newest first. */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findTop100ByOrderByOccurredAtDescIdDesc();
}
