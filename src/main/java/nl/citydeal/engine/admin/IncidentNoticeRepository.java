package nl.citydeal.engine.admin;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncidentNoticeRepository extends JpaRepository<IncidentNotice, Long> {

    @Query("select n.ref from IncidentNotice n")
    List<String> refs();

    @Modifying
    @Query("delete from IncidentNotice n where n.ref in :refs")
    int deleteByRefIn(@Param("refs") Collection<String> refs);
}
