package nl.citydeal.engine.prompt.calendar;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarSubscriptionRepository extends JpaRepository<CalendarSubscription, String> {

    Optional<CalendarSubscription> findByTokenHash(String tokenHash);
}
