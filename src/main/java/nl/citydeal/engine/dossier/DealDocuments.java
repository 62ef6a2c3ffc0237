package nl.citydeal.engine.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * A deal's documents: uploaded with checks (size, an allowed type whose bytes carry its signature, nothing
 * executable), listed without their bytes, and read one by one. Who may see or add them is the caller's to check.
 */
@Service
public class DealDocuments {

    static final int MAX_FILE_NAME = 255;

    /** Why someone who sees the deal may not add documents to it. */
    public static final String NOT_ALLOWED =
            "Alleen het programmabureau en de dealtrekker van deze deal voegen documenten toe.";

    /** Declared content types of programs, scripts and pages: refused whatever the name and the bytes say. */
    private static final Set<String> EXECUTABLE_TYPES = Set.of(
            "application/x-msdownload",
            "application/x-msdos-program",
            "application/x-executable",
            "application/x-sh",
            "application/x-csh",
            "application/javascript",
            "application/x-javascript",
            "text/javascript",
            "text/html",
            "application/xhtml+xml",
            "image/svg+xml",
            "application/java-archive",
            "application/x-httpd-php");

    private final DealDocumentRepository documents;
    private final DocumentProperties properties;
    private final Clock clock;

    public DealDocuments(DealDocumentRepository documents, DocumentProperties properties, Clock clock) {
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /** A file to add to a deal, as it arrived: the kind chosen, the file's name, the declared type and the bytes. */
    public record Upload(DocumentKind kind, String fileName, String declaredType, byte[] content) {}

    /** A document in a list: everything but its bytes. */
    public record Listed(
            Long id,
            String dealId,
            DocumentKind kind,
            String fileName,
            String contentType,
            long size,
            String uploadedBy,
            Instant uploadedAt) {

        /** The size in Dutch: bytes, kB or MB with one decimal. */
        public String sizeLabel() {
            if (size < 1024) {
                return size + " bytes";
            }
            if (size < 1024 * 1024) {
                return Math.round(size / 1024.0) + " kB";
            }
            return String.format(Locale.forLanguageTag("nl"), "%.1f MB", size / 1024.0 / 1024.0);
        }
    }

    /** Whether a user may add documents to a deal: the programme office, and the deal's own lead and deputies. */
    public static boolean mayUpload(Collection<String> dealLeads, String userId, boolean programmeOffice) {
        return programmeOffice || (userId != null && dealLeads.contains(userId));
    }

    /** The largest document a deal takes, in Dutch ("10 MB"). */
    public String maxSize() {
        return properties.label();
    }

    /**
     * Adds a document to an existing deal after every check; a refused upload stores nothing and says why in Dutch
     * ({@link InvalidInputException} naming {@code file} or {@code kind}).
     */
    @Transactional
    public Listed upload(String dealId, Upload upload, String uploadedBy) {
        if (upload.kind() == null) {
            throw new InvalidInputException("kind", "Kies de soort document.");
        }
        String fileName = fileName(upload.fileName());
        DocumentType type = check(fileName, upload.declaredType(), upload.content());
        DealDocument saved = documents.save(new DealDocument(
                dealId, upload.kind(), fileName, type.contentType(), upload.content(), uploadedBy, clock.instant()));
        return listed(saved);
    }

    /** The deal's documents, oldest first, without their bytes. */
    @Transactional(readOnly = true)
    public List<Listed> of(String dealId) {
        return documents.listed(dealId);
    }

    /** A document of this deal, with its bytes; empty when there is none by that id on this deal. */
    @Transactional(readOnly = true)
    public Optional<DealDocument> get(String dealId, long documentId) {
        return documents.findByIdAndDealId(documentId, dealId);
    }

    private DocumentType check(String fileName, String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "Het bestand is leeg; er is niets opgeslagen.");
        }
        if (content.length > properties.maxBytes()) {
            throw new InvalidInputException(
                    "file", "Het bestand is groter dan %s; er is niets opgeslagen.".formatted(properties.label()));
        }
        String extension = DocumentType.extension(fileName);
        if (DocumentType.EXECUTABLE.contains(extension)
                || (declaredType != null && EXECUTABLE_TYPES.contains(baseType(declaredType)))
                || DocumentType.looksExecutable(content)) {
            throw new InvalidInputException(
                    "file",
                    "Programma's, scripts en webpagina's (zoals .exe, .js, .html) worden niet aangenomen; er is niets opgeslagen.");
        }
        DocumentType type = DocumentType.byExtension(extension)
                .orElseThrow(
                        () -> new InvalidInputException(
                                "file",
                                "Alleen PDF, Word (.docx, .doc), ODF-tekst (.odt), platte tekst (.txt), PNG en JPEG zijn toegestaan; er is niets opgeslagen."));
        if (!type.matches(content)) {
            throw new InvalidInputException(
                    "file",
                    "De inhoud van '%s' is geen %s, al zegt de naam dat wel; er is niets opgeslagen."
                            .formatted(fileName, type.description()));
        }
        return type;
    }

    /** The bare file name (no folders, no control characters), at most 255 characters, keeping its extension. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("file", "Kies een bestand met een naam.");
        }
        if (name.length() > MAX_FILE_NAME) {
            String extension = DocumentType.extension(name);
            int keep = MAX_FILE_NAME - extension.length() - 1;
            name = extension.isEmpty() || keep < 1
                    ? name.substring(0, MAX_FILE_NAME)
                    : name.substring(0, keep) + "." + extension;
        }
        return name;
    }

    private static String baseType(String declaredType) {
        int semicolon = declaredType.indexOf(';');
        return (semicolon < 0 ? declaredType : declaredType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static Listed listed(DealDocument d) {
        return new Listed(
                d.getId(),
                d.getDealId(),
                d.getKind(),
                d.getFileName(),
                d.getContentType(),
                d.getSize(),
                d.getUploadedBy(),
                d.getUploadedAt());
    }

    /** Removes the deal's documents, as retention does; returns how many. */
    @Transactional
    public int removeOf(String dealId) {
        return documents.deleteByDeal(dealId);
    }
}
