package nl.citydeal.engine.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a deal's documents may be, each known by its extensions and by the signature of its bytes (the
 * magic number, for Word and ODF also what the zip holds). The stored content type is the type's own, never the one
 * the browser declared.
 */
public enum DocumentType {
    PDF("application/pdf", "PDF", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-document", "docx"),
    DOC("application/msword", "Word-document", "doc"),
    ODT("application/vnd.oasis.opendocument.text", "ODF-tekstdocument", "odt"),
    TEXT("text/plain", "platte tekst", "txt"),
    PNG("image/png", "PNG-afbeelding", "png"),
    JPEG("image/jpeg", "JPEG-afbeelding", "jpg", "jpeg");

    /** Extensions of programs, scripts and pages a browser would run: refused whatever the bytes. */
    static final Set<String> EXECUTABLE = Set.of(
            "exe", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "dll", "sys", "jar", "class", "js", "mjs",
            "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "sh", "bash", "zsh", "csh", "py", "pl", "rb", "php",
            "phtml", "jsp", "asp", "aspx", "cgi", "html", "htm", "xhtml", "shtml", "svg", "xml", "hta", "lnk", "reg",
            "app", "apk", "dmg", "deb", "rpm", "run", "bin", "elf", "so", "dylib", "docm", "dotm", "xlsm", "pptm",
            "swf");

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final List<byte[]> EXECUTABLE_MAGIC = List.of(
            new byte[] {'M', 'Z'}, // Windows programs
            new byte[] {0x7F, 'E', 'L', 'F'}, // Linux programs
            new byte[] {'#', '!'}, // scripts
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, // Java classes, Mach-O
            new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}); // Mach-O

    private final String contentType;
    private final String description;
    private final List<String> extensions;

    DocumentType(String contentType, String description, String... extensions) {
        this.contentType = contentType;
        this.description = description;
        this.extensions = List.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    public String description() {
        return description;
    }

    /** The file name's extension, lower case; empty when it has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The type a file name's extension stands for. */
    static Optional<DocumentType> byExtension(String extension) {
        return Arrays.stream(values())
                .filter(t -> t.extensions.contains(extension))
                .findFirst();
    }

    /** Whether the bytes start like a program or a script, whatever the name says. */
    static boolean looksExecutable(byte[] bytes) {
        return EXECUTABLE_MAGIC.stream().anyMatch(magic -> startsWith(bytes, magic));
    }

    /** Whether the bytes are what this type says: its signature, and for zip-based documents their content. */
    boolean matches(byte[] bytes) {
        return switch (this) {
            case PDF -> startsWith(bytes, PDF_MAGIC);
            case PNG -> startsWith(bytes, PNG_MAGIC);
            case JPEG -> startsWith(bytes, JPEG_MAGIC);
            case DOC -> startsWith(bytes, OLE2_MAGIC);
            case DOCX -> startsWith(bytes, ZIP_MAGIC) && zipHolds(bytes, "word/document.xml");
            case ODT -> startsWith(bytes, ZIP_MAGIC) && odfText(bytes);
            case TEXT -> text(bytes);
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean zipHolds(byte[] bytes, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An ODF text document: its first zip entry is "mimetype", stored, holding the ODF text type. */
    private static boolean odfText(byte[] bytes) {
        byte[] expected = ("mimetype" + ODT.contentType).getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= 30 + expected.length
                && Arrays.equals(bytes, 30, 30 + expected.length, expected, 0, expected.length)
                && zipHolds(bytes, "content.xml");
    }

    /** Plain text: UTF-8 without control characters other than tab, line feed, form feed and carriage return. */
    private static boolean text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
