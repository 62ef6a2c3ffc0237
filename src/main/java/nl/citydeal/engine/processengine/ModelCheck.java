package nl.citydeal.engine.processengine;

import java.util.List;

/**
 * A feature's own check of a model it depends on (the prompt feature checks its schedule table), run on every new
 * deployment, whichever way it comes in (Admin's upload, the engine REST API, the models of the repository), after
 * the engine's parsers accepted the file. The problems are in Dutch, for the administrator.
 */
public interface ModelCheck {

    /** What makes the file unusable for the feature; empty when it is fine or not the feature's concern. */
    List<String> problems(String fileName, byte[] content);
}
