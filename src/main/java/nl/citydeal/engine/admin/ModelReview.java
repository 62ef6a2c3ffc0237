package nl.citydeal.engine.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an upload would do, with nothing stored: whether it may be deployed, the upload's validation and policy
 * problems per file (the same messages as a refused upload), each file's differences against its deployed version,
 * and, when it holds a changed prompt schedule, which prompts of the running deals would move ({@code null}
 * otherwise).
 */
public record ModelReview(
        boolean deployable, Map<String, String> errors, List<FileDiff> files, PromptMoves promptSchedule) {

    public ModelReview {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        files = List.copyOf(files);
    }
}
