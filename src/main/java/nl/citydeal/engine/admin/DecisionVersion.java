package nl.citydeal.engine.admin;

import java.time.Instant;

/** One deployed version of a decision table. */
public record DecisionVersion(
        String id, String key, String name, int version, String versionTag, String deploymentId, Instant deployedAt) {}
