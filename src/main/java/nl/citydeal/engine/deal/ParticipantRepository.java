package nl.citydeal.engine.deal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    List<Participant> findByDealIdOrderByJoinedOnAscIdAsc(String dealId);

    /** The participants of these deals, each deal's in the order they joined (one query for many deals). */
    List<Participant> findByDealIdInOrderByJoinedOnAscIdAsc(Collection<String> dealIds);

    /** Forgets the contact people (name, role, e-mail) of the deal's participants. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(
            "update Participant p set p.contactName = null, p.contactRole = null, p.contactEmail = null where p.dealId = :dealId")
    int forgetContacts(@Param("dealId") String dealId);
}
