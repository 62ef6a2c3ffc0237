package nl.citydeal.engine.dossier;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DealDocumentRepository extends JpaRepository<DealDocument, Long> {

    /** The deal's documents without their bytes, oldest first. */
    @Query("""
            select new nl.citydeal.engine.dossier.DealDocuments$Listed(
                d.id, d.dealId, d.kind, d.fileName, d.contentType, d.size, d.uploadedBy, d.uploadedAt)
            from DealDocument d where d.dealId = :dealId order by d.uploadedAt, d.id""")
    List<DealDocuments.Listed> listed(String dealId);

    Optional<DealDocument> findByIdAndDealId(Long id, String dealId);

    @Modifying
    @Query("delete from DealDocument d where d.dealId = :dealId")
    int deleteByDeal(@Param("dealId") String dealId);
}
