package nl.citydeal.engine.admin;

import java.time.Instant;

/** One deployed version of a process and how many deals run on it. */
public record ProcessVersion(
        String id,
        String key,
        String name,
        int version,
        String versionTag,
        String deploymentId,
        Instant deployedAt,
        long runningDeals) {}
