package nl.citydeal.engine.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DossierEntryRepository extends JpaRepository<DossierEntry, Long> {

    List<DossierEntry> findByDealIdOrderByCompletedAtAscIdAsc(String dealId);
}
