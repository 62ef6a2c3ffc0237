package nl.citydeal.engine.admin;

import java.util.List;

/**
 * A feature's own check of an uploaded model it depends on (the prompt feature checks its schedule table), run
 * after the file passed the engine's parsers. The problems are in Dutch, for the administrator.
 */
public interface ModelCheck {

    /** What makes the file unusable for the feature; empty when it is fine or not the feature's concern. */
    List<String> problems(ModelFile file);
}
