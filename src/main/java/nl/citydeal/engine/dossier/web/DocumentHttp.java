package nl.citydeal.engine.dossier.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.dossier.DealDocument;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.DocumentKind;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;

/** What the API and the deal page share about documents over HTTP: reading an upload, answering a download. */
public final class DocumentHttp {

    private DocumentHttp() {}

    /** The document as an attachment of its stored type, which the browser must not sniff; 404 if not this deal's. */
    public static ResponseEntity<byte[]> download(DealDocuments documents, String dealId, long documentId) {
        DealDocument document = documents
                .get(dealId, documentId)
                .orElseThrow(() -> new NotFoundException("Document %d bestaat niet.".formatted(documentId)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.getFileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.getContent());
    }

    /** The multipart parts as an upload; no file or an unknown kind is refused in Dutch. */
    public static DealDocuments.Upload upload(MultipartFile file, String kind) {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            throw new InvalidInputException("file", "Kies een bestand.");
        }
        try {
            return new DealDocuments.Upload(
                    kind(kind), file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded document", e);
        }
    }

    public static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind", "Kies de soort document.");
        }
        try {
            return DocumentKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "kind",
                    "Onbekende soort '%s'; kies uit %s.".formatted(kind, Arrays.toString(DocumentKind.values())));
        }
    }
}
