package nl.citydeal.engine.admin;

import java.util.Arrays;
import java.util.Locale;

/**
 * One file an administrator uploads: a BPMN process ({@code .bpmn}), a DMN decision ({@code .dmn}) or a Camunda
 * Form ({@code .form}), by its bare file name as it stands in {@code processes/} or {@code forms/}.
 */
public record ModelFile(String fileName, byte[] content) {

    public ModelFile {
        content = content == null ? new byte[0] : content.clone();
    }

    public boolean isBpmn() {
        return lowerCaseName().endsWith(".bpmn");
    }

    public boolean isDmn() {
        return lowerCaseName().endsWith(".dmn");
    }

    public boolean isForm() {
        return lowerCaseName().endsWith(".form");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    private String lowerCaseName() {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelFile file
                && java.util.Objects.equals(fileName, file.fileName)
                && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(fileName) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ModelFile[" + fileName + ", " + content.length + " bytes]";
    }
}
