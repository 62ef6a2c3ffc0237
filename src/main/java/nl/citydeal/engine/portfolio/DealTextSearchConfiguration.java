package nl.citydeal.engine.portfolio;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Asks the database once which it is, and searches the deals' texts its way. */
@Configuration(proxyBeanMethods = false)
class DealTextSearchConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DealTextSearchConfiguration.class);

    @Bean
    DealTextSearch dealTextSearch(DataSource dataSource, NamedParameterJdbcTemplate jdbc) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Kan niet vaststellen welke database dit is.", e);
        }
        boolean postgres = "PostgreSQL".equalsIgnoreCase(product);
        LOG.info("The deal search uses {} on {}", postgres ? "full-text search (dutch)" : "a plain match", product);
        return postgres ? new PostgresDealTextSearch(jdbc) : new PlainDealTextSearch(jdbc);
    }
}
