package nl.citydeal.engine.admin;

import java.time.Instant;
import java.util.List;

/**
 * What an upload deployed: the deployment, its resources and the new versions. {@code deploymentId} is null and
 * the lists are empty when nothing differed from the deployed models.
 */
public record DeploymentSummary(
        String deploymentId,
        Instant deployedAt,
        List<String> resources,
        List<ProcessVersion> processVersions,
        List<DecisionVersion> decisionVersions) {

    public DeploymentSummary {
        resources = List.copyOf(resources);
        processVersions = List.copyOf(processVersions);
        decisionVersions = List.copyOf(decisionVersions);
    }

    public static DeploymentSummary unchanged() {
        return new DeploymentSummary(null, null, List.of(), List.of(), List.of());
    }

    public boolean changed() {
        return deploymentId != null;
    }
}
