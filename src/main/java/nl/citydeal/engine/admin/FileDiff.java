package nl.citydeal.engine.admin;

import java.util.List;

/**
 * How one uploaded file differs from the deployed version of the same file (by file name): new, changed or the
 * same, with each element that changed. {@code kind} is {@code bpmn}, {@code dmn} or {@code form}.
 */
public record FileDiff(String fileName, String kind, Status status, List<ModelChange> changes) {

    public enum Status {
        NEW,
        CHANGED,
        UNCHANGED
    }

    public FileDiff {
        changes = List.copyOf(changes);
    }

    static String kindOf(ModelFile file) {
        return file.isBpmn() ? "bpmn" : file.isDmn() ? "dmn" : "form";
    }
}
