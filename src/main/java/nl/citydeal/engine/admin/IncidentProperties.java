package nl.citydeal.engine.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents ({@code citydeal.incidents.*}): how often every node looks for new ones to mail the administrators
 * about, and how many of each kind the admin page lists.
 *
 * @param checkInterval time between two checks for new incidents (the delay of the administrators' mail)
 * @param shown the most incidents of each kind (engine, mail) the page lists and the check reads
 */
@ConfigurationProperties("citydeal.incidents")
public record IncidentProperties(
        @DefaultValue("PT1M") Duration checkInterval,
        @DefaultValue("200") int shown) {}
