package nl.citydeal.engine.admin;

import java.util.List;
import java.util.Map;

/**
 * Checks uploaded models and forms with the engine's parsers before anything is stored: well-formed and valid
 * BPMN and DMN, a history time to live on every process and decision, forms that parse with an id, and every
 * form reference of an uploaded process resolving to a form in the upload or in the deployed models.
 */
public interface DeploymentValidator {

    /** The problems per file name; empty when the upload may be deployed. */
    Map<String, String> validate(List<ModelFile> files);
}
