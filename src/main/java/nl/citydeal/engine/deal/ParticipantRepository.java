package nl.citydeal.engine.deal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    List<Participant> findByDealIdOrderByJoinedOnAscIdAsc(String dealId);
}
