package nl.citydeal.engine.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The deployed process models, decisions and forms, and the way new versions get there. */
public interface DeployedModels {

    /**
     * Deploys the files as one deployment, or nothing when no file differs from what is deployed. The engine
     * parses everything once more; when it refuses, nothing is stored and an {@link InvalidUploadException}
     * carries its messages.
     */
    DeploymentSummary deploy(List<ModelFile> files);

    /** Every deployed version of every process, newest first per process, with the deals running on it. */
    List<ProcessVersion> processVersions();

    /** Every deployed version of every decision, newest first per decision. */
    List<DecisionVersion> decisionVersions();

    /** The BPMN XML of one process version. */
    Optional<byte[]> diagram(String processDefinitionId);

    /** One process version's BPMN file: its repository file name ({@code city-deal.bpmn}) and its XML. */
    Optional<ModelFile> processModel(String processDefinitionId);

    /**
     * The models and forms as they stand: for every resource name ({@code processes/<file>}, {@code forms/<file>})
     * the content of the newest model deployment (started from the repository's folders or uploaded) that holds it.
     */
    Map<String, byte[]> currentResources();

    /** How many deployments exist (any source). */
    long deploymentCount();
}
