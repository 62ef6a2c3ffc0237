package nl.citydeal.engine.admin;

/** Move the deals running on one version of a process onto another version of it. */
public record MigrationRequest(String processDefinitionKey, int sourceVersion, int targetVersion) {

    @Override
    public String toString() {
        return processDefinitionKey + " v" + sourceVersion + " \u2192 v" + targetVersion;
    }
}
