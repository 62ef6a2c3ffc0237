package nl.citydeal.engine.processengine;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.dossier.DocumentKind;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptWorld;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every model and form in processes/ and forms/ must keep (see README, "Editing models"). */
class ModelRulesTest {

    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(".*_[0-9][0-9a-z]{6}");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'");
    private static final Pattern EL_IDENTIFIER = Pattern.compile("(?<![.\\w])[A-Za-z_][A-Za-z0-9_]*");
    /** Words of the expression language, and the functions the deployment policy allows. */
    private static final Set<String> EL_WORDS = Set.of(
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "instanceof",
            "now",
            "dateTime");

    static Stream<Path> bpmnFiles() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files("processes", ".dmn");
    }

    static Stream<Path> formFiles() throws IOException {
        return files("forms", ".form");
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void processKeyIsKebabCaseFileNameWithHistoryTimeToLive(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).hasSize(1);
        Process process = processes.iterator().next();
        assertThat(process.getId()).matches(KEBAB_CASE).isEqualTo(baseName(file));
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString())
                .as("historyTimeToLive")
                .isNotBlank();
        assertThat(process.getName()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void elementIdsAreTypePascalCaseAndNeverModelerDefaults(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("id in " + file).matches(ELEMENT_ID).doesNotMatch(MODELER_DEFAULT_ID);
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyFlowNodeIsNamedAndEveryGatewayBranchCarriesItsCondition(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            boolean mergeGateway = node instanceof Gateway && node.getOutgoing().size() == 1;
            if (!mergeGateway) {
                assertThat(node.getName()).as("name of " + node.getId()).isNotBlank();
            }
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    assertThat(flow.getName()).as("name of " + flow.getId()).isNotBlank();
                    assertThat(flow.getConditionExpression())
                            .as("condition of " + flow.getId())
                            .isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyUserTaskHasAResolvableFormAndARoleOrTheDealLead(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> formIds = formIds();
        Set<String> groups = new HashSet<>();
        Arrays.stream(Role.values()).forEach(role -> groups.add(role.groupId()));
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef())
                    .as("formRef of " + task.getId())
                    .isIn(formIds);
            assertThat(task.getCamundaFormRefBinding())
                    .as("formRefBinding of " + task.getId())
                    .isNotBlank();
            assertThat(task.getCamundaFormKey())
                    .as("formKey of " + task.getId())
                    .isNull();
            boolean toDealLead = "${dealLead}".equals(task.getCamundaAssignee());
            List<String> candidateGroups = task.getCamundaCandidateGroupsList();
            assertThat(toDealLead || !candidateGroups.isEmpty())
                    .as("assignee or candidate group of " + task.getId())
                    .isTrue();
            assertThat(task.getCamundaAssignee() == null || toDealLead)
                    .as("no hard-coded assignee on " + task.getId())
                    .isTrue();
            assertThat(candidateGroups)
                    .as("candidate groups of " + task.getId())
                    .allMatch(groups::contains);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(start.getCamundaFormRef()).isIn(formIds);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyElementIsLaidOutInTheDiagram(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class)
                .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class)
                .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof FlowNode || element instanceof SequenceFlow) {
                assertThat(drawn).as("diagram of " + file).contains(element.getId());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void decisionKeyIsFileNameWithHistoryTimeToLive(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        assertThat(decisions).extracting(Decision::getId).containsExactly(baseName(file));
        for (Decision decision : decisions) {
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as("historyTimeToLive")
                    .isNotBlank();
            assertThat(decision.getName()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void formIdIsItsFileNameAndItsFieldsAreUniqueAndLabelled(Path file) throws IOException {
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(form.path("id").asText()).isEqualTo(baseName(file));
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        Set<String> keys = new HashSet<>();
        for (JsonNode component : form.path("components")) {
            if (component.has("key")) {
                assertThat(keys.add(component.get("key").asText()))
                        .as("duplicate key in " + file)
                        .isTrue();
                String label = component
                        .path("label")
                        .asText(component.path("dateLabel").asText());
                assertThat(label).as("label of " + component.get("key")).isNotBlank();
            }
        }
        assertThat(form.path("components").get(0).path("type").asText())
                .as("guidance text first")
                .isEqualTo("text");
    }

    /**
     * The tasks that ask for a document link to the deal page's upload with its kind chosen ({@code ?soort=...}),
     * and every such link names a kind there is.
     */
    @Test
    void theTasksThatAskForADocumentLinkToTheUploadOfItsKind() throws IOException {
        Pattern link = Pattern.compile("/deals/\\{\\{dealId}}\\?soort=([A-Z_]+)#documenten");
        Map<String, Set<String>> kindsByForm = new TreeMap<>();
        for (Path file : formFiles().toList()) {
            Matcher found = link.matcher(Files.readString(file));
            while (found.find()) {
                assertThat(DocumentKind.parse(found.group(1)))
                        .as(file + ": " + found.group())
                        .isPresent();
                kindsByForm
                        .computeIfAbsent(baseName(file), f -> new TreeSet<>())
                        .add(found.group(1));
            }
        }
        assertThat(kindsByForm)
                .containsEntry("hold-ownership-conversation", Set.of("OWNERSHIP_MINUTES"))
                .containsEntry("deliver-scaling-plan", Set.of("SCALING_PLAN"))
                .containsEntry("close-deal", Set.of("FINAL_REPORT"))
                .containsEntry("record-signing", Set.of("COVENANT", "STAATSCOURANT"))
                .containsEntry("record-extension", Set.of("STAATSCOURANT"));
    }

    @Test
    void everyFormIsUsedByAModel() throws IOException {
        Set<String> referenced = new HashSet<>();
        for (Path file : bpmnFiles().toList()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).forEach(start -> referenced.add(start.getCamundaFormRef()));
        }
        assertThat(referenced).containsAll(formIds());
    }

    @Test
    void everyActivityConstantExistsInTheProcess() throws IllegalAccessException {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/city-deal.bpmn"));
        List<String> missing = new ArrayList<>();
        for (Field field : CityDealProcess.Activity.class.getFields()) {
            String id = (String) field.get(null);
            BaseElement element = model.getModelElementById(id);
            if (element == null) {
                missing.add(id);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVariableTheProcessNamesIsAVariableConstant() throws IllegalAccessException, IOException {
        BpmnModelInstance model = cityDeal();
        Set<String> constants = constants(CityDealProcess.Variable.class);
        Set<String> named = new HashSet<>();
        model.getModelElementsByType(CamundaInputParameter.class)
                .forEach(parameter -> named.add(parameter.getCamundaName()));
        model.getModelElementsByType(CamundaOutputParameter.class)
                .forEach(parameter -> named.add(parameter.getCamundaName()));
        for (String expression : valueExpressions()) {
            Matcher identifier =
                    EL_IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
            while (identifier.find()) {
                if (!EL_WORDS.contains(identifier.group())) {
                    named.add(identifier.group());
                }
            }
        }
        assertThat(named).isNotEmpty();
        // a user task's input and output parameters name the fields of its own form (TaskFormInputTest holds them
        // against the form); the code reads none of those that are not constants
        Set<String> allowed = new HashSet<>(constants);
        allowed.addAll(formFieldKeys());
        assertThat(new TreeSet<>(named)).as("variables the model names").isSubsetOf(allowed);
    }

    private static Set<String> formFieldKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path file : formFiles().toList()) {
            for (JsonNode component : JSON.readTree(file.toFile()).path("components")) {
                if (component.hasNonNull("key")) {
                    keys.add(component.get("key").asText());
                }
            }
        }
        return keys;
    }

    @Test
    void everyPromptKindIsAnsweredByOneUserTaskThatCarriesItsKindAndBindsTheAnswerListener() {
        BpmnModelInstance model = cityDeal();
        Map<PromptKind, String> answeredBy = new EnumMap<>(PromptKind.class);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String kind = promptKind(task);
            boolean answers = endListeners(task).contains("${answerPromptListener}");
            assertThat(answers).as("answer listener on " + task.getId()).isEqualTo(kind != null);
            if (kind != null) {
                assertThat(answeredBy.put(PromptKind.valueOf(kind), task.getId()))
                        .as("second task for " + kind)
                        .isNull();
            }
        }
        assertThat(answeredBy).containsOnlyKeys(PromptKind.values());
        for (PromptKind kind : PromptKind.values()) {
            assertThat(answeredBy.get(kind)).as("task of " + kind).isEqualTo(PromptWorld.taskOf(kind));
            assertThat(endListeners(model.getModelElementById(PromptWorld.timerOf(kind))))
                    .as("timer of " + kind)
                    .containsExactly("${fire" + pascalCase(kind.name()) + "PromptListener}");
        }
        for (ServiceTask raise : model.getModelElementsByType(ServiceTask.class)) {
            if ("${raisePromptDelegate}".equals(raise.getCamundaDelegateExpression())) {
                assertThat(PromptKind.valueOf(promptKind(raise))).isIn((Object[]) PromptKind.values());
            }
        }
    }

    /** The beans the model binds by {@code camunda:delegateExpression}, and what each must be. */
    static Map<String, Class<?>> delegateExpressions() {
        BpmnModelInstance model = cityDeal();
        Map<String, Class<?>> beans = new TreeMap<>();
        model.getModelElementsByType(CamundaExecutionListener.class).stream()
                .filter(listener -> listener.getCamundaDelegateExpression() != null)
                .forEach(listener -> beans.put(listener.getCamundaDelegateExpression(), ExecutionListener.class));
        model.getModelElementsByType(CamundaTaskListener.class).stream()
                .filter(listener -> listener.getCamundaDelegateExpression() != null)
                .forEach(listener -> beans.put(listener.getCamundaDelegateExpression(), TaskListener.class));
        model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> task.getCamundaDelegateExpression() != null)
                .forEach(task -> beans.put(task.getCamundaDelegateExpression(), JavaDelegate.class));
        return beans;
    }

    /** Holds the bean names in the model against the application: each is a bean of the right kind. */
    @Nested
    @CityDealSpringTest
    class Beans {

        @Autowired
        ApplicationContext context;

        @Test
        void everyDelegateExpressionNamesABeanOfTheKindItIsBoundAs() {
            Map<String, Class<?>> bound = delegateExpressions();
            assertThat(bound).containsKeys("${enterPreparationPhaseListener}", "${answerPromptListener}");
            for (Map.Entry<String, Class<?>> expression : bound.entrySet()) {
                assertThat(expression.getKey()).matches("\\$\\{[a-z][A-Za-z]+}");
                String bean =
                        expression.getKey().substring(2, expression.getKey().length() - 1);
                assertThat(context.containsBean(bean)).as("bean " + bean).isTrue();
                assertThat(context.getBean(bean)).as("bean " + bean).isInstanceOf(expression.getValue());
            }
        }
    }

    private static BpmnModelInstance cityDeal() {
        return Bpmn.readModelFromFile(new File("processes/city-deal.bpmn"));
    }

    private static Set<String> constants(Class<?> holder) throws IllegalAccessException {
        Set<String> values = new HashSet<>();
        for (Field field : holder.getFields()) {
            values.add((String) field.get(null));
        }
        return values;
    }

    /**
     * The expressions of the model that read or write variables: every {@code ${...}} in an attribute or a text of
     * the file, but the bean bindings ({@code delegateExpression}).
     */
    private static List<String> valueExpressions() throws IOException {
        String xml =
                Files.readString(Path.of("processes/city-deal.bpmn")).replaceAll("delegateExpression=\"[^\"]*\"", "");
        xml = xml.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
        return Pattern.compile("\\$\\{[^}]*}")
                .matcher(xml)
                .results()
                .map(MatchResult::group)
                .toList();
    }

    private static String promptKind(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                .flatMap(io -> io.getCamundaInputParameters().stream())
                .filter(parameter -> parameter.getCamundaName().equals(CityDealProcess.Variable.PROMPT_KIND))
                .map(CamundaInputParameter::getTextContent)
                .findFirst()
                .orElse(null);
    }

    private static List<String> endListeners(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return List.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                .filter(listener -> "end".equals(listener.getCamundaEvent()))
                .map(CamundaExecutionListener::getCamundaDelegateExpression)
                .toList();
    }

    private static String pascalCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : formFiles().toList()) {
            ids.add(JSON.readTree(file.toFile()).path("id").asText());
        }
        return ids;
    }

    private static Stream<Path> files(String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList().stream();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
