package nl.citydeal.engine.admin.web;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.admin.AuditTrail;
import nl.citydeal.engine.admin.DeploymentSummary;
import nl.citydeal.engine.admin.Incidents;
import nl.citydeal.engine.admin.InvalidMigrationException;
import nl.citydeal.engine.admin.InvalidUploadException;
import nl.citydeal.engine.admin.MigrationAdministration;
import nl.citydeal.engine.admin.MigrationCheck;
import nl.citydeal.engine.admin.MigrationRequest;
import nl.citydeal.engine.admin.MigrationStarted;
import nl.citydeal.engine.admin.ModelAdministration;
import nl.citydeal.engine.admin.ProcessVersion;
import nl.citydeal.engine.system.NotFoundException;

/**
 * The administrators' page ({@code /admin}): the deployed versions with their version tags and running deals, a
 * link to each version's diagram, an upload form, the dry run and the migration, and the audit trail.
 */
@Controller
@RequestMapping("/admin")
class AdminPageController {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(ZONE);

    private final ModelAdministration models;
    private final MigrationAdministration migrations;
    private final AuditTrail audit;
    private final Incidents incidents;

    AdminPageController(
            ModelAdministration models, MigrationAdministration migrations, AuditTrail audit, Incidents incidents) {
        this.models = models;
        this.migrations = migrations;
        this.audit = audit;
        this.incidents = incidents;
    }

    @GetMapping
    String page(@RequestParam(name = "batch", required = false) String batchId, Model model) {
        if (batchId != null && !batchId.isBlank()) {
            model.addAttribute("progress", migrations.progress(batchId));
        }
        return render(model);
    }

    @PostMapping("/deployments")
    String upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Principal user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            DeploymentSummary deployed = models.upload(
                    files == null ? List.of() : AdminDeploymentController.modelFiles(files), user.getName());
            redirect.addFlashAttribute(
                    "notice",
                    deployed.changed()
                            ? "Uitgerold als %s: %d nieuwe procesversie(s), %d nieuwe beslissingsversie(s)."
                                    .formatted(
                                            deployed.deploymentId(),
                                            deployed.processVersions().size(),
                                            deployed.decisionVersions().size())
                            : "Niets uitgerold: de bestanden zijn gelijk aan de uitgerolde modellen.");
            return "redirect:/admin";
        } catch (InvalidUploadException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadErrors", e.errors());
            return render(model);
        }
    }

    @PostMapping("/migrations/dry-run")
    String dryRun(
            @RequestParam String processDefinitionKey,
            @RequestParam int sourceVersion,
            @RequestParam int targetVersion,
            Principal user,
            Model model,
            HttpServletResponse response) {
        MigrationRequest request = new MigrationRequest(processDefinitionKey, sourceVersion, targetVersion);
        try {
            List<MigrationCheck> report = migrations.dryRun(request, user.getName());
            model.addAttribute("dryRun", request);
            model.addAttribute("report", report);
        } catch (InvalidMigrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("migrationErrors", e.errors());
        }
        return render(model);
    }

    @PostMapping("/migrations")
    String migrate(
            @RequestParam String processDefinitionKey,
            @RequestParam int sourceVersion,
            @RequestParam int targetVersion,
            Principal user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            MigrationStarted started = migrations.migrate(
                    new MigrationRequest(processDefinitionKey, sourceVersion, targetVersion), user.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Migratie gestart voor %d deal(s)%s."
                            .formatted(
                                    started.instances(),
                                    started.skipped().isEmpty()
                                            ? ""
                                            : "; %d deal(s) blijven staan"
                                                    .formatted(started.skipped().size())));
            redirect.addAttribute("batch", started.batchId());
            return "redirect:/admin";
        } catch (InvalidMigrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("migrationErrors", e.errors());
            return render(model);
        }
    }

    @GetMapping("/versions/{processDefinitionId}/diagram.bpmn")
    ResponseEntity<byte[]> diagram(@PathVariable String processDefinitionId) {
        byte[] bpmn = models.diagram(processDefinitionId)
                .orElseThrow(
                        () -> new NotFoundException("Procesversie '%s' bestaat niet.".formatted(processDefinitionId)));
        String fileName = processDefinitionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".bpmn";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(bpmn);
    }

    private String render(Model model) {
        Map<String, List<ProcessVersion>> processes = new LinkedHashMap<>();
        models.processVersions()
                .forEach(version -> processes
                        .computeIfAbsent(version.key(), key -> new ArrayList<>())
                        .add(version));
        model.addAttribute("processes", processes);
        model.addAttribute("decisions", models.decisionVersions());
        List<String> files = models.currentFileNames();
        model.addAttribute(
                "decisionFiles",
                files.stream().filter(name -> name.endsWith(".dmn")).toList());
        model.addAttribute(
                "formFiles",
                files.stream().filter(name -> name.endsWith(".form")).toList());
        model.addAttribute("audit", audit.recent());
        model.addAttribute("incidentCount", incidents.count());
        model.addAttribute("time", new TimeFormat());
        return "admin/index";
    }

    /** Formats instants for the page, in Dutch time. */
    public static final class TimeFormat {

        public String at(Instant instant) {
            return instant == null ? "" : DATE_TIME.format(instant);
        }
    }
}
