package nl.citydeal.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import nl.citydeal.engine.processengine.CityDealProcess;

/**
 * The bare Camunda engine the application is compared with: a standalone engine (no Spring, no application code)
 * on its own database with the application's engine settings that change the work per start (history level full,
 * authorization checks on, UUIDs as ids, the job executor off) and the application's indexes on the engine's tables,
 * running the same {@code city-deal} model and decisions. The model loses what calls our code:
 * its execution and task listeners, and its delegates (which become no-ops). A deal's start then does what the
 * engine does for it and nothing else.
 */
final class BareEngine implements AutoCloseable {

    private final ProcessEngine engine;

    BareEngine(String name, String jdbcUrl, String user, String password) throws IOException {
        this(name, jdbcUrl, user, password, false);
    }

    /**
     * With {@code jobs}, a job executor set up as the application's ({@code camunda.bpm.job-execution} and the
     * generic properties of application.yaml: 3 to 10 threads, up to 20 jobs per acquisition and in the queue,
     * acquisition by due date preferring timers, idle polling between half a second and a second as the
     * benchmark's nodes), started by {@link #startJobExecutor()}.
     */
    BareEngine(String name, String jdbcUrl, String user, String password, boolean jobs) throws IOException {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                        .setProcessEngineName(name)
                        .setJdbcUrl(jdbcUrl)
                        .setJdbcUsername(user)
                        .setJdbcPassword(password)
                        .setJdbcDriver(
                                jdbcUrl.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver")
                        .setJdbcMaxActiveConnections(10)
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        // as the application's engine: a task's assignee is granted the task when it is created
                        .setAuthorizationEnabled(true)
                        .setJobExecutorActivate(false);
        // the application's id generator (the Spring Boot starter's default): UUIDs, not blocks from the database
        configuration.setIdGenerator(new StrongUuidGenerator());
        if (jobs) {
            org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor executor =
                    new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
            executor.setCorePoolSize(3);
            executor.setMaxPoolSize(10);
            executor.setQueueSize(20);
            executor.setMaxJobsPerAcquisition(20);
            executor.setWaitTimeInMillis(500);
            executor.setMaxWait(1000);
            configuration.setJobExecutor(executor);
            configuration.setJobExecutorAcquireByDueDate(true);
            configuration.setJobExecutorPreferTimerJobs(true);
        }
        engine = configuration.buildProcessEngine();
        addTheApplicationsIndexes(configuration.getDataSource(), jdbcUrl.startsWith("jdbc:postgresql:"));
        deploy();
    }

    /**
     * The indexes the application adds to the engine's tables (on PostgreSQL the change sets of our Liquibase
     * changelog after Camunda's own, on H2 {@code processengine.EngineIndexes}): they are the application's schema,
     * not its code, so the bare engine has them too and the comparison measures what our code adds per step.
     */
    private static void addTheApplicationsIndexes(javax.sql.DataSource dataSource, boolean postgres)
            throws IOException {
        List<String> statements = new ArrayList<>();
        if (postgres) {
            try (InputStream changelog = BareEngine.class.getResourceAsStream("/db/changelog/camunda.xml")) {
                org.w3c.dom.NodeList sql = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(changelog)
                        .getElementsByTagName("sql");
                for (int i = 0; i < sql.getLength(); i++) {
                    statements.add(sql.item(i).getTextContent().strip());
                }
            } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
                throw new IOException("Cannot read the application's changelog", e);
            }
        } else {
            statements.addAll(nl.citydeal.engine.processengine.EngineIndexes.H2);
        }
        nl.citydeal.engine.processengine.EngineIndexes.create(dataSource, statements);
    }

    /** Starts a new deal's process as the application does: in preparation, with the deal's variables. */
    void startDeal(String dealId, String name, String dealLead) {
        VariableMap variables = Variables.createVariables()
                .putValue(CityDealProcess.Variable.DEAL_NAME, name)
                .putValue(CityDealProcess.Variable.THEME, Deals.THEME)
                .putValue(CityDealProcess.Variable.LEAD_ORGANISATION, Deals.LEAD_ORGANISATION)
                .putValue(CityDealProcess.Variable.DEAL_LEAD, dealLead)
                .putValue(CityDealProcess.Variable.PROGRAMME_OFFICE_CONTACT, null)
                .putValue(CityDealProcess.Variable.AMBITION, Deals.AMBITION)
                .putValue(CityDealProcess.Variable.PREDECESSOR_DEAL_ID, null)
                .putValue(CityDealProcess.Variable.IMPORTED, false);
        engine.getRuntimeService().startProcessInstanceByKey(CityDealProcess.KEY, dealId, variables);
    }

    /** The open task of each running deal whose business key starts with {@code prefix}, in no particular order. */
    List<String> openTasks(String prefix) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(prefix + "%").list().stream()
                .map(org.camunda.bpm.engine.task.Task::getId)
                .toList();
    }

    /** Completes the task with the variables, as the deal lead (the engine's authenticated user, as a request sets it). */
    void complete(String taskId, java.util.Map<String, Object> variables, String user) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Starts a deal's process with the given variables (those of a running deal of the application). */
    void start(String businessKey, java.util.Map<String, Object> variables) {
        engine.getRuntimeService().startProcessInstanceByKey(CityDealProcess.KEY, businessKey, variables);
    }

    void startJobExecutor() {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .start();
    }

    /** How many times the activity has run to its end (history). */
    long finished(String activityId) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId(activityId)
                .finished()
                .count();
    }

    long runningInstances() {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .count();
    }

    private void deploy() throws IOException {
        DeploymentBuilder deployment =
                engine.getRepositoryService().createDeployment().name("bare");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.sorted().toList()) {
                String resource = "processes/" + file.getFileName();
                if (resource.endsWith(".bpmn")) {
                    deployment.addModelInstance(resource, withoutApplicationCode(file));
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        deployment.addString(
                                resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        deployment.deploy();
    }

    private static BpmnModelInstance withoutApplicationCode(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<ModelElementInstance> listeners = new ArrayList<>();
        listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        for (ModelElementInstance listener : listeners) {
            listener.getParentElement().removeChildElement(listener);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() != null) {
                // an attribute set to null stays as delegateExpression="", which the engine would try to resolve
                task.removeAttributeNs(
                        org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                task.setCamundaExpression("${null}");
            }
        }
        return model;
    }

    @Override
    public void close() {
        engine.close();
    }
}
