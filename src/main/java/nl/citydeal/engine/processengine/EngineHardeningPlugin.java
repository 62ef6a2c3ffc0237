package nl.citydeal.engine.processengine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Limits what the engine does for whoever reaches it (engine REST, the webapps, the application):
 * <ul>
 * <li>every new deployment passes the {@link DeploymentPolicy} (no scripts, Java classes or free expressions),
 * unless {@code citydeal.deployment-policy.enabled=false};</li>
 * <li>expressions reach only the Spring beans the models are made of: the engine's delegates and listeners
 * ({@link JavaDelegate}, {@link ExecutionListener}, {@link TaskListener}), not the whole application context;</li>
 * <li>a task's assignee gets READ and TASK_WORK on it (claim, complete), not UPDATE, which would let them write
 * any variable of the deal; completing a task takes only the fields of its form ({@link TaskFormFields});</li>
 * <li>before every user task of a deal starts, the deal lead, contact and term variables are set from the
 * registry ({@link RegistrySync}), so the registry decides who gets the task;</li>
 * <li>every user task of a deal that is created is told to each {@link UserTaskCreation} bean (the deal glue offers
 * a deal-lead task of a deal with deputies to the lead and its deputies), before anyone sees it;</li>
 * <li>every user task of a deal that is completed is told to each {@link UserTaskCompletion} bean (the dossier
 * records the step with its form's answers), in the completion's transaction.</li>
 * </ul>
 */
@Component
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final DeploymentPolicyProperties policy;
    private final ObjectProvider<RegistrySync> registryVariables;
    private final ObjectProvider<UserTaskCompletion> completions;
    private final ObjectProvider<UserTaskCreation> creations;
    private final DeployedTaskForms forms;
    private final TaskElements taskElements;

    public EngineHardeningPlugin(
            ApplicationContext applicationContext,
            DeploymentPolicyProperties policy,
            ObjectProvider<RegistrySync> registryVariables,
            ObjectProvider<UserTaskCompletion> completions,
            ObjectProvider<UserTaskCreation> creations,
            DeployedTaskForms forms,
            TaskElements taskElements) {
        this.applicationContext = applicationContext;
        this.policy = policy;
        this.registryVariables = registryVariables;
        this.completions = completions;
        this.creations = creations;
        this.forms = forms;
        this.taskElements = taskElements;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (policy.enabled()) {
            List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(configuration.getCustomPreDeployers());
            preDeployers.add(0, EngineHardeningPlugin::enforcePolicy);
            configuration.setCustomPreDeployers(preDeployers);
        }
        List<Deployer> checked = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        checked.add(this::enforceModelChecks);
        configuration.setCustomPreDeployers(checked);

        ModelBeans beans = new ModelBeans(applicationContext);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));

        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        TaskFormFields formFields = new TaskFormFields(
                configuration::getFormService,
                configuration::getIdentityService,
                configuration::getTaskService,
                taskElements,
                forms);
        configuration.setTaskService(new FormBoundTaskService(formFields));
        configuration.setFormService(new FormBoundFormService(formFields));

        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        ExecutionListener syncFromRegistry =
                execution -> registryVariables.getObject().sync(execution);
        TaskListener tellCompletions =
                task -> completions.orderedStream().forEach(completion -> completion.completed(task));
        TaskListener tellCreations = task -> creations.orderedStream().forEach(creation -> creation.created(task));
        parseListeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && CityDealProcess.KEY.equals(definition.getKey())) {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, syncFromRegistry);
                    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                        userTask.getTaskDefinition()
                                .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, tellCompletions);
                        userTask.getTaskDefinition()
                                .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, tellCreations);
                    }
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }

    /** Refuses a new deployment with anything the policy forbids, naming each element. */
    static void enforcePolicy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            DeploymentPolicy.check(resource.getName(), resource.getBytes())
                    .forEach(violation -> problems.add(resource.getName() + ": " + violation.message()));
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(
                    "De uitrol is geweigerd door het uitrolbeleid (citydeal.deployment-policy): "
                            + String.join("; ", problems));
        }
    }

    /**
     * Refuses a new deployment that a feature's {@link ModelCheck} finds unusable (a prompt schedule without a row
     * for a prompt, say), whichever way it came in, naming the file and the problem.
     */
    private void enforceModelChecks(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<ModelCheck> checks = applicationContext
                .getBeanProvider(ModelCheck.class)
                .orderedStream()
                .toList();
        for (ResourceEntity resource : deployment.getResources().values()) {
            for (ModelCheck check : checks) {
                check.problems(resource.getName(), resource.getBytes())
                        .forEach(problem -> problems.add(resource.getName() + ": " + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("De uitrol is geweigerd: " + String.join("; ", problems));
        }
    }

    /**
     * The beans expressions may name: those that implement one of the engine's delegate interfaces. Looked up when
     * an expression names them, so building the engine instantiates none of them.
     */
    static final class ModelBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext applicationContext;
        private volatile Set<String> names;

        ModelBeans(ApplicationContext applicationContext) {
            this.applicationContext = applicationContext;
        }

        Set<String> names() {
            Set<String> known = names;
            if (known == null) {
                known = new LinkedHashSet<>();
                for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
                    known.addAll(List.of(applicationContext.getBeanNamesForType(type, false, false)));
                }
                names = known;
            }
            return known;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names().contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? applicationContext.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names().stream()
                    .map(name -> Map.entry((Object) name, applicationContext.getBean(name)))
                    .collect(Collectors.toSet());
        }
    }
}
