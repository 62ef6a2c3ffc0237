package nl.citydeal.engine.dossier.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.DocumentKind;
import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * A deal's documents over HTTP: upload (multipart, parts {@code file} and {@code kind}), list and download. Whoever
 * does not see the deal gets 404, also for a document of another deal.
 */
@RestController
class DealDocumentController {

    private final DocumentAccess access;
    private final DealDocuments documents;

    DealDocumentController(DocumentAccess access, DealDocuments documents) {
        this.access = access;
        this.documents = documents;
    }

    @PostMapping(path = "/api/deals/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentResponse> upload(
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind,
            Authentication user) {
        access.uploadable(id, user);
        DealDocuments.Listed saved = documents.upload(id, DocumentHttp.upload(file, kind), user.getName());
        return ResponseEntity.created(URI.create("/api/deals/%s/documents/%d".formatted(id, saved.id())))
                .body(DocumentResponse.of(saved));
    }

    @GetMapping("/api/deals/{id}/documents")
    List<DocumentResponse> list(@PathVariable String id, Authentication user) {
        access.visible(id, user);
        return documents.of(id).stream().map(DocumentResponse::of).toList();
    }

    @GetMapping("/api/deals/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long documentId, Authentication user) {
        access.visible(id, user);
        return DocumentHttp.download(documents, id, documentId);
    }

    record DocumentResponse(
            Long id,
            DocumentKind kind,
            String kindLabel,
            String fileName,
            String contentType,
            long size,
            String uploadedBy,
            OffsetDateTime uploadedAt) {

        static DocumentResponse of(DealDocuments.Listed d) {
            return new DocumentResponse(
                    d.id(),
                    d.kind(),
                    d.kind().label(),
                    d.fileName(),
                    d.contentType(),
                    d.size(),
                    d.uploadedBy(),
                    d.uploadedAt().atZone(PromptSchedule.ZONE).toOffsetDateTime());
        }
    }
}
