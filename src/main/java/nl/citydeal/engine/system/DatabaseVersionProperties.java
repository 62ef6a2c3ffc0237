package nl.citydeal.engine.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether this build starts on a database a newer build has migrated (docs/operations.md, "Backup and restore").
 *
 * @param allowNewer {@code true}: start anyway, with a warning in the log. Only for a node of the old version that
 *     must restart during a rolling upgrade, while the new version (whose migrations are additive) already runs on the
 *     database; never after a restore. {@code false} (the default): refuse to start.
 */
@ConfigurationProperties("citydeal.database")
public record DatabaseVersionProperties(boolean allowNewer) {}
