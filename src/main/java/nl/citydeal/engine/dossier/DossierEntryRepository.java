package nl.citydeal.engine.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DossierEntryRepository extends JpaRepository<DossierEntry, Long> {

    List<DossierEntry> findByDealIdOrderByCompletedAtAscIdAsc(String dealId);

    @Query("select e.taskId from DossierEntry e where e.taskId in :taskIds")
    List<String> recordedTaskIds(Collection<String> taskIds);

    /** When the first entry was recorded as its task was completed (not rebuilt from the history). */
    @Query("select min(e.completedAt) from DossierEntry e where e.fromHistory = false")
    Optional<Instant> firstRecordedLive();

    List<DossierEntry> findByDealId(String dealId);
}
