package nl.citydeal.engine.admin.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.admin.DecisionVersion;
import nl.citydeal.engine.admin.DeployedModels;
import nl.citydeal.engine.admin.DeploymentSummary;
import nl.citydeal.engine.admin.InvalidUploadException;
import nl.citydeal.engine.admin.ModelFile;
import nl.citydeal.engine.admin.ProcessVersion;
import nl.citydeal.engine.processengine.ModelDeployer;

/**
 * The models as the engine holds them. Uploads are deployed under the {@link ModelDeployer}'s names
 * ({@code processes/<file>}, {@code forms/<file>}) as a deployment named {@value #UPLOAD_DEPLOYMENT_NAME}, so a
 * restart, which compares the repository's files with the last {@value ModelDeployer#DEPLOYMENT_NAME} deployment,
 * leaves an uploaded version in place until the repository's files themselves change.
 *
 * <p>A changed decision is deployed alone: the processes bind to the latest decision. A changed process or form is
 * deployed together with every process and form of the current set, so forms bound with
 * {@code formRefBinding="deployment"} always sit beside the process version that uses them.
 */
@Component
class CamundaDeployedModels implements DeployedModels {

    public static final String UPLOAD_DEPLOYMENT_NAME = "city-deal-models-upload";
    static final String UPLOAD_SOURCE = "city-deal-engine-admin";
    private static final Set<String> MODEL_DEPLOYMENTS = Set.of(ModelDeployer.DEPLOYMENT_NAME, UPLOAD_DEPLOYMENT_NAME);
    private static final Logger log = LoggerFactory.getLogger(CamundaDeployedModels.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public CamundaDeployedModels(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    /**
     * The models and forms as they stand: for every resource name the content of the newest model deployment
     * (started from the repository's folders or uploaded) that holds it.
     */
    @Override
    public Map<String, byte[]> currentResources() {
        Map<String, byte[]> current = new TreeMap<>();
        for (Deployment deployment : repositoryService
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .list()) {
            if (!MODEL_DEPLOYMENTS.contains(deployment.getName())) {
                continue;
            }
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (!current.containsKey(name)
                        && ModelResources.resourceName(ModelResources.fileName(name))
                                .filter(name::equals)
                                .isPresent()) {
                    current.put(name, read(deployment.getId(), name));
                }
            }
        }
        return current;
    }

    @Override
    public DeploymentSummary deploy(List<ModelFile> files) {
        Map<String, byte[]> current = currentResources();
        Map<String, byte[]> uploaded = new TreeMap<>();
        for (ModelFile file : files) {
            String name = ModelResources.resourceName(file.fileName())
                    .orElseThrow(() -> InvalidUploadException.of(
                            file.fileName(), "Alleen .bpmn, .dmn en .form kunnen worden uitgerold."));
            uploaded.put(name, file.content());
        }
        Map<String, byte[]> changed = uploaded.entrySet().stream()
                .filter(entry -> !Arrays.equals(entry.getValue(), current.get(entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (changed.isEmpty()) {
            return DeploymentSummary.unchanged();
        }
        boolean decisionsOnly = changed.keySet().stream().allMatch(CamundaDeployedModels::isDecision);
        Map<String, byte[]> deployment = new TreeMap<>();
        if (!decisionsOnly) {
            current.forEach((name, content) -> putUnlessDecision(deployment, name, content));
            uploaded.forEach((name, content) -> putUnlessDecision(deployment, name, content));
        }
        changed.forEach((name, content) -> {
            if (isDecision(name)) {
                deployment.put(name, content);
            }
        });

        DeploymentBuilder builder = repositoryService
                .createDeployment()
                .name(UPLOAD_DEPLOYMENT_NAME)
                .source(UPLOAD_SOURCE);
        deployment.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployed;
        try {
            deployed = builder.deployWithResult();
        } catch (ParseException e) {
            throw new InvalidUploadException(parseErrors(e));
        } catch (ProcessEngineException e) {
            if (isModelProblem(e)) {
                throw InvalidUploadException.of(failedFile(e, deployment.keySet()), ModelResources.messages(e));
            }
            throw e;
        }
        log.info(
                "Uploaded models deployed as deployment {} ({} resources, changed: {})",
                deployed.getId(),
                deployment.size(),
                changed.keySet());
        Instant deployedAt = deployed.getDeploymentTime().toInstant();
        return new DeploymentSummary(
                deployed.getId(),
                deployedAt,
                List.copyOf(deployment.keySet()),
                nullToEmpty(deployed.getDeployedProcessDefinitions()).stream()
                        .map(definition -> processVersion(definition, deployedAt, 0))
                        .toList(),
                nullToEmpty(deployed.getDeployedDecisionDefinitions()).stream()
                        .map(definition -> decisionVersion(definition, deployedAt))
                        .toList());
    }

    @Override
    public List<ProcessVersion> processVersions() {
        List<ProcessDefinition> definitions = repositoryService
                .createProcessDefinitionQuery()
                .orderByProcessDefinitionKey()
                .asc()
                .orderByProcessDefinitionVersion()
                .desc()
                .list();
        Map<String, Instant> deployedAt = deploymentTimes();
        return definitions.stream()
                .map(definition -> processVersion(
                        definition,
                        deployedAt.get(definition.getDeploymentId()),
                        runtimeService
                                .createProcessInstanceQuery()
                                .processDefinitionId(definition.getId())
                                .count()))
                .toList();
    }

    @Override
    public List<DecisionVersion> decisionVersions() {
        Map<String, Instant> deployedAt = deploymentTimes();
        return repositoryService
                .createDecisionDefinitionQuery()
                .orderByDecisionDefinitionKey()
                .asc()
                .orderByDecisionDefinitionVersion()
                .desc()
                .list()
                .stream()
                .map(definition -> decisionVersion(definition, deployedAt.get(definition.getDeploymentId())))
                .toList();
    }

    @Override
    public Optional<byte[]> diagram(String processDefinitionId) {
        if (repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionId(processDefinitionId)
                        .count()
                == 0) {
            return Optional.empty();
        }
        try (InputStream model = repositoryService.getProcessModel(processDefinitionId)) {
            return Optional.of(model.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ModelFile> processModel(String processDefinitionId) {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionId(processDefinitionId)
                .singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(new ModelFile(
                ModelResources.fileName(definition.getResourceName()),
                read(definition.getDeploymentId(), definition.getResourceName())));
    }

    @Override
    public long deploymentCount() {
        return repositoryService.createDeploymentQuery().count();
    }

    private Map<String, Instant> deploymentTimes() {
        return repositoryService.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(
                        Deployment::getId,
                        deployment -> deployment.getDeploymentTime().toInstant()));
    }

    private static ProcessVersion processVersion(ProcessDefinition definition, Instant deployedAt, long running) {
        return new ProcessVersion(
                definition.getId(),
                definition.getKey(),
                definition.getName(),
                definition.getVersion(),
                definition.getVersionTag(),
                definition.getDeploymentId(),
                deployedAt,
                running);
    }

    private static DecisionVersion decisionVersion(DecisionDefinition definition, Instant deployedAt) {
        return new DecisionVersion(
                definition.getId(),
                definition.getKey(),
                definition.getName(),
                definition.getVersion(),
                definition.getVersionTag(),
                definition.getDeploymentId(),
                deployedAt);
    }

    private byte[] read(String deploymentId, String name) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " of deployment " + deploymentId, e);
        }
    }

    private static boolean isDecision(String resourceName) {
        return resourceName.endsWith(".dmn");
    }

    /** The engine's parse errors (and warnings) per file, each with its line and element. */
    static Map<String, String> parseErrors(ParseException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getResorceReports().forEach(report -> {
            String problems = report.getErrors().stream()
                    .map(problem -> problem.getMessage()
                            + (problem.getLine() > 0 ? " (regel " + problem.getLine() + ")" : "")
                            + (problem.getMainElementId() != null ? " [" + problem.getMainElementId() + "]" : ""))
                    .collect(Collectors.joining("; "));
            if (!problems.isEmpty()) {
                errors.put(ModelResources.fileName(report.getResourceName()), problems);
            }
        });
        if (errors.isEmpty()) {
            errors.put("upload", e.getMessage());
        }
        return errors;
    }

    /** The file the engine names in its message ("Unable to transform DMN resource 'processes/x.dmn'"), else "upload". */
    private static String failedFile(Throwable e, Set<String> resourceNames) {
        String message = ModelResources.messages(e);
        return resourceNames.stream()
                .filter(name -> message.contains("'" + name + "'"))
                .findFirst()
                .map(ModelResources::fileName)
                .orElse("upload");
    }

    /** An error in a model, not in the engine: a DMN the engine cannot transform, a model the parser rejects. */
    private static boolean isModelProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (type.startsWith("org.camunda.bpm.dmn.")
                    || type.startsWith("org.camunda.bpm.model.")
                    || type.startsWith("org.camunda.bpm.engine.impl.dmn.")) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void putUnlessDecision(Map<String, byte[]> resources, String name, byte[] content) {
        if (!isDecision(name)) {
            resources.put(name, content);
        }
    }
}
