package nl.citydeal.engine.deal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    List<Participant> findByDealIdOrderByJoinedOnAscIdAsc(String dealId);

    /** The participants of these deals, each deal's in the order they joined (one query for many deals). */
    List<Participant> findByDealIdInOrderByJoinedOnAscIdAsc(Collection<String> dealIds);
}
