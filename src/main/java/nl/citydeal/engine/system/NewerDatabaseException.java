package nl.citydeal.engine.system;

/**
 * The database was written by a newer build than this one: this build refuses to start on it. {@code schema} names
 * which part is newer (the app's tables, Flyway; or the process engine's, Camunda's {@code schema.version}).
 */
public class NewerDatabaseException extends IllegalStateException {

    private final String schema;
    private final String databaseVersion;
    private final String buildVersion;

    public NewerDatabaseException(String schema, String databaseVersion, String buildVersion) {
        super("The database is of a newer version (%s %s) than this build (%s): restore a backup of this version or "
                        .formatted(schema, databaseVersion, buildVersion)
                + "deploy the newer build");
        this.schema = schema;
        this.databaseVersion = databaseVersion;
        this.buildVersion = buildVersion;
    }

    public String schema() {
        return schema;
    }

    public String databaseVersion() {
        return databaseVersion;
    }

    public String buildVersion() {
        return buildVersion;
    }
}
