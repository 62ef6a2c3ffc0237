package nl.citydeal.engine.prompt.calendar;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CalendarSubscriptionRepository extends JpaRepository<CalendarSubscription, String> {

    Optional<CalendarSubscription> findByTokenHash(String tokenHash);

    /** Removes the user's subscription, if any (a single statement: two nodes doing it at once do not collide). */
    @Modifying
    @Query("delete from CalendarSubscription s where s.userId = :userId")
    int deleteByUser(@Param("userId") String userId);
}
