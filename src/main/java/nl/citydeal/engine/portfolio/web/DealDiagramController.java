package nl.citydeal.engine.portfolio.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.portfolio.DealDossier;
import nl.citydeal.engine.portfolio.ProcessPosition;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.Viewer;

/** The deal's process diagram for the deal page's script: the deployed BPMN and where the deal stands in it. */
@RestController
class DealDiagramController {

    private final DealDossier dossier;
    private final ProcessPosition processPosition;

    DealDiagramController(DealDossier dossier, ProcessPosition processPosition) {
        this.dossier = dossier;
        this.processPosition = processPosition;
    }

    @GetMapping("/deals/{id}/diagram")
    DiagramResponse diagram(@PathVariable String id, Authentication user) {
        Viewer viewer = Viewer.of(user);
        dossier.visible(id, viewer.seesAllDeals() ? null : viewer.userId());
        ProcessPosition.Diagram diagram = processPosition
                .of(id)
                .orElseThrow(() -> new NotFoundException("Deal %s heeft geen proces.".formatted(id)));
        return new DiagramResponse(
                diagram.bpmnXml(), diagram.running(), diagram.activeActivityIds(), diagram.completedActivityIds());
    }

    record DiagramResponse(
            String xml, boolean running, List<String> activeActivityIds, List<String> completedActivityIds) {}
}
