package nl.citydeal.engine.dossier;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document of a deal (the covenant, the Staatscourant publication, ...) with its bytes, as it was uploaded and
 * checked by {@link DealDocuments}; never changed afterwards.
 */
@Entity
@Table(name = "deal_document")
public class DealDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dealId;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    private String fileName;
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    /** The file itself: {@code bytea} on PostgreSQL and H2 (no large object, so no separate clean-up). */
    @Column(name = "content", nullable = false)
    private byte[] content;

    private String uploadedBy;
    private Instant uploadedAt;

    protected DealDocument() {}

    DealDocument(
            String dealId,
            DocumentKind kind,
            String fileName,
            String contentType,
            byte[] content,
            String uploadedBy,
            Instant uploadedAt) {
        this.dealId = dealId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.content = content.clone();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public String getDealId() {
        return dealId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
