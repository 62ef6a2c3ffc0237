package nl.citydeal.engine.deal;

import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.JpaEntityInformationSupport;

import nl.citydeal.engine.CityDealSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal's id is given at registration, so Spring Data cannot tell a new deal by its id: it tells it by its version,
 * null until the deal is stored. A new deal is then persisted (one insert); were it taken for an existing one, it would
 * be merged, with a select of the deal and its collections first, on every registration.
 */
@CityDealSpringTest
class DealPersistenceTest {

    @Autowired
    EntityManager entityManager;

    @Test
    void aNewDealIsTakenForNewAndPersistedNotMerged() {
        JpaEntityInformation<Deal, ?> information =
                JpaEntityInformationSupport.getEntityInformation(Deal.class, entityManager);
        Deal deal = new Deal(
                UUID.randomUUID().toString(),
                "CD-2999-001",
                "Nieuwe deal",
                "Wonen",
                "Gemeente Utrecht",
                "anna",
                null,
                null,
                Instant.now());

        assertThat(information.isNew(deal)).isTrue();
    }
}
