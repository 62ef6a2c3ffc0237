package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.processengine.ModelDeployer.ModelResource;

import static org.assertj.core.api.Assertions.assertThat;

@CityDealSpringTest
@AlsoOnPostgres
class ModelDeployerTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ModelDeployer deployer;

    @Test
    void everyModelAndFormOfTheTopLevelFoldersIsDeployedUnderItsRelativeName() throws IOException {
        Deployment deployment = latestDeployment();

        List<String> expected = new ArrayList<>();
        expected.addAll(filesIn("processes"));
        expected.addAll(filesIn("forms"));
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
                .containsExactlyInAnyOrderElementsOf(expected)
                .contains(
                        "processes/city-deal.bpmn",
                        "processes/prompt-schedule.dmn",
                        "processes/scaling-route-advice.dmn",
                        "forms/register-deal.form");
    }

    @Test
    void deployedModelsAreTheFilesAsTheyStandInTheRepository() throws IOException {
        Deployment deployment = latestDeployment();
        for (String name : filesIn("processes")) {
            byte[] deployed = repositoryService
                    .getResourceAsStream(deployment.getId(), name)
                    .readAllBytes();
            assertThat(deployed).as(name).isEqualTo(Files.readAllBytes(Path.of(name)));
        }
    }

    @Test
    void unchangedModelsCreateNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery().count();
        long versions = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .count();

        DeploymentWithDefinitions again = deployer.deploy();

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(CityDealProcess.KEY)
                        .count())
                .isEqualTo(versions);
        assertThat(again.getDeployedProcessDefinitions()).isNullOrEmpty();
    }

    @Test
    void aChangedFileCreatesExactlyOneNewVersionOfTheWholeSet() {
        List<ModelResource> changed = deployer.modelResources().stream()
                .map(r -> r.name().equals("forms/close-deal.form")
                        ? new ModelResource(
                                r.name(),
                                (new String(r.content(), StandardCharsets.UTF_8) + "\n")
                                        .getBytes(StandardCharsets.UTF_8))
                        : r)
                .toList();
        int versionBefore = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .latestVersion()
                .singleResult()
                .getVersion();
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        Deployment first = deployer.deploy(changed);
        deployer.deploy(changed);

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
        assertThat(repositoryService.getDeploymentResourceNames(first.getId())).hasSize(changed.size());
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(CityDealProcess.KEY)
                        .latestVersion()
                        .singleResult()
                        .getVersion())
                .isEqualTo(versionBefore + 1);

        deployer.deploy();
    }

    private Deployment latestDeployment() {
        return repositoryService
                .createDeploymentQuery()
                .deploymentName(ModelDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime()
                .desc()
                .list()
                .get(0);
    }

    private static List<String> filesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(file -> folder + "/" + file.getFileName())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
                    .toList();
        }
    }
}
