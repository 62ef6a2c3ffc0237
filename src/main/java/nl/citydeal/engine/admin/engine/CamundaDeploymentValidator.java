package nl.citydeal.engine.admin.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.admin.DeployedModels;
import nl.citydeal.engine.admin.DeploymentValidator;
import nl.citydeal.engine.admin.ModelFile;
import nl.citydeal.engine.processengine.DeploymentPolicy;
import nl.citydeal.engine.processengine.DeploymentPolicyProperties;
import nl.citydeal.engine.processengine.EngineHardeningPlugin;
import nl.citydeal.engine.processengine.ModelCheck;

/**
 * Checks an upload with the engine's model parsers before anything is stored. BPMN and DMN must be well-formed
 * and valid against their schemas ({@link Bpmn#readModelFromStream}, {@link Dmn#readModelFromStream}); every
 * executable process and every decision needs {@code camunda:historyTimeToLive}; a form must be JSON with an
 * {@code id}; every {@code camunda:formRef} of an uploaded process must name a form in the upload or in the
 * deployed models; and the {@link DeploymentPolicy} (no scripts, Java classes or free expressions), naming each
 * element it refuses, unless {@code citydeal.deployment-policy.enabled=false}. The engine's own parse on
 * deployment ({@link DeployedModels#deploy}) catches the rest, and enforces the policy again
 * ({@link EngineHardeningPlugin}).
 */
@Component
class CamundaDeploymentValidator implements DeploymentValidator {

    private final DeployedModels models;
    private final ObjectMapper json;
    private final DeploymentPolicyProperties policy;
    private final List<ModelCheck> checks;

    public CamundaDeploymentValidator(
            DeployedModels models, ObjectMapper json, DeploymentPolicyProperties policy, List<ModelCheck> checks) {
        this.models = models;
        this.json = json;
        this.policy = policy;
        this.checks = List.copyOf(checks);
    }

    @Override
    public Map<String, String> validate(List<ModelFile> files) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> formIds = deployedFormIds(files);
        for (ModelFile file : files) {
            if (file.isForm()) {
                FormRead form = readForm(file.content());
                if (form.id() != null) {
                    formIds.add(form.id());
                } else {
                    problem(problems, file, form.problem());
                }
            }
        }
        for (ModelFile file : files) {
            if (file.isBpmn()) {
                validateBpmn(file, formIds, problems);
            } else if (file.isDmn()) {
                validateDmn(file, problems);
            }
            if (!problems.containsKey(file.fileName())) {
                checks.forEach(check -> check.problems(file.fileName(), file.content())
                        .forEach(message -> problem(problems, file, message)));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((file, messages) -> errors.put(file, String.join("; ", messages)));
        return errors;
    }

    private void validateBpmn(ModelFile file, Set<String> formIds, Map<String, List<String>> problems) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            problem(problems, file, "Geen geldig BPMN-bestand: " + ModelResources.messages(e));
            return;
        }
        List<Process> processes = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .toList();
        if (processes.isEmpty()) {
            problem(problems, file, "Het bestand bevat geen uitvoerbaar proces (isExecutable=\"true\").");
        }
        for (Process process : processes) {
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                problem(problems, file, "Proces '%s' mist camunda:historyTimeToLive.".formatted(process.getId()));
            }
        }
        checkPolicy(file, problems);
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String formRef = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            if (formRef != null && !formRef.contains("${") && !formRef.contains("#{") && !formIds.contains(formRef)) {
                problem(
                        problems,
                        file,
                        ("'%s' verwijst met camunda:formRef naar formulier '%s', dat niet in de upload "
                                        + "en niet in de uitgerolde modellen staat.")
                                .formatted(element.getId(), formRef));
            }
        }
    }

    private void checkPolicy(ModelFile file, Map<String, List<String>> problems) {
        if (policy.enabled()) {
            DeploymentPolicy.check(file.fileName(), file.content())
                    .forEach(violation -> problem(problems, file, violation.message()));
        }
    }

    private void validateDmn(ModelFile file, Map<String, List<String>> problems) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            problem(problems, file, "Geen geldig DMN-bestand: " + ModelResources.messages(e));
            return;
        }
        List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
        if (decisions.isEmpty()) {
            problem(problems, file, "Het bestand bevat geen beslissing.");
        }
        for (Decision decision : decisions) {
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                problem(problems, file, "Beslissing '%s' mist camunda:historyTimeToLive.".formatted(decision.getId()));
            }
        }
        checkPolicy(file, problems);
    }

    /** The ids of the deployed forms, less those the upload replaces (by file name). */
    private Set<String> deployedFormIds(List<ModelFile> files) {
        Set<String> replaced = new HashSet<>();
        files.forEach(file -> replaced.add(file.fileName()));
        Set<String> ids = new HashSet<>();
        models.currentResources().forEach((name, content) -> {
            if (name.endsWith(".form") && !replaced.contains(ModelResources.fileName(name))) {
                FormRead form = readForm(content);
                if (form.id() != null) {
                    ids.add(form.id());
                }
            }
        });
        return ids;
    }

    private FormRead readForm(byte[] content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (JsonProcessingException e) {
            return FormRead.refused("Geen geldig formulier, de JSON is onleesbaar: %s (regel %d, kolom %d)"
                    .formatted(
                            e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", ""),
                            e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return FormRead.refused("Geen geldig formulier: " + e.getMessage());
        }
        if (form == null || !form.isObject()) {
            return FormRead.refused("Geen geldig formulier: het bestand is geen JSON-object.");
        }
        JsonNode id = form.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return FormRead.refused("Geen geldig formulier: het \"id\" ontbreekt.");
        }
        return new FormRead(id.asText(), null);
    }

    /** A form's id, or why it could not be read. */
    private record FormRead(String id, String problem) {

        static FormRead refused(String problem) {
            return new FormRead(null, problem);
        }
    }

    private static void problem(Map<String, List<String>> problems, ModelFile file, String message) {
        problems.computeIfAbsent(file.fileName(), name -> new ArrayList<>()).add(message);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
