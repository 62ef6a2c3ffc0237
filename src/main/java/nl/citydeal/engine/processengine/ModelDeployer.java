package nl.citydeal.engine.processengine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code processes/} and {@code forms/} folders as one deployment named
 * {@value #DEPLOYMENT_NAME}, each resource under its relative name ({@code processes/city-deal.bpmn},
 * {@code forms/register-deal.form}), the same in the IDE, in tests and in the packaged jar (the build copies
 * both folders onto the classpath under their own names).
 *
 * <p>When nothing changed the engine's duplicate filter creates no new deployment. When any file changed the
 * whole set is deployed again, so forms bound with {@code formRefBinding="deployment"} always sit beside the
 * process version that uses them.
 */
@Component
public class ModelDeployer {

    public static final String DEPLOYMENT_NAME = "city-deal-models";
    public static final List<String> RESOURCE_PATTERNS =
            List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public ModelDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @EventListener(ContextRefreshedEvent.class)
    public void deployOnStart() {
        deploy();
    }

    /** Deploys the models and forms; answers the new deployment, or the latest one when nothing changed. */
    public DeploymentWithDefinitions deploy() {
        return deploy(modelResources());
    }

    DeploymentWithDefinitions deploy(List<ModelResource> resources) {
        DeploymentBuilder builder = repositoryService
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("city-deal-engine")
                .enableDuplicateFiltering(false);
        for (ModelResource resource : resources) {
            builder.addInputStream(resource.name(), new ByteArrayInputStream(resource.content()));
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        log.info("Models deployed as deployment {} ({} resources)", deployment.getId(), resources.size());
        return deployment;
    }

    List<ModelResource> modelResources() {
        List<ModelResource> resources = new ArrayList<>();
        for (String pattern : RESOURCE_PATTERNS) {
            String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
            for (Resource resource : find(pattern)) {
                resources.add(new ModelResource(folder + resource.getFilename(), read(resource)));
            }
        }
        resources.sort(Comparator.comparing(ModelResource::name));
        if (resources.isEmpty()) {
            throw new IllegalStateException("No models found on the classpath under processes/ and forms/");
        }
        return resources;
    }

    private Resource[] find(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    record ModelResource(String name, byte[] content) {}
}
