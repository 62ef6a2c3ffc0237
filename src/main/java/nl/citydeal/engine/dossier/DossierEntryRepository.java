package nl.citydeal.engine.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DossierEntryRepository extends JpaRepository<DossierEntry, Long> {

    List<DossierEntry> findByDealIdOrderByCompletedAtAscIdAsc(String dealId);

    @Query("select e.taskId from DossierEntry e where e.taskId in :taskIds")
    List<String> recordedTaskIds(Collection<String> taskIds);

    /** When the first entry was recorded as its task was completed (not rebuilt from the history). */
    @Query("select min(e.completedAt) from DossierEntry e where e.fromHistory = false")
    Optional<Instant> firstRecordedLive();

    /** Removes the answers of the deal's steps (the collection table of the entries; a single statement). */
    @Modifying
    @Query(
            value =
                    "delete from dossier_field where entry_id in (select e.id from dossier_entry e where e.deal_id = :dealId)",
            nativeQuery = true)
    int deleteFieldsOfDeal(@Param("dealId") String dealId);

    /** Removes the deal's steps, after their answers (a single statement). */
    @Modifying
    @Query(value = "delete from dossier_entry where deal_id = :dealId", nativeQuery = true)
    int deleteEntriesOfDeal(@Param("dealId") String dealId);
}
