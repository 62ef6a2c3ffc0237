package nl.citydeal.engine.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest document a deal takes ({@code citydeal.documents.max-size}, default 10 MB). The servlet container's
 * multipart limit ({@code spring.servlet.multipart.max-file-size}, 11 MB) sits just above it, so a file a little
 * too large gets this limit's Dutch message (docs/configuration.md).
 */
@ConfigurationProperties("citydeal.documents")
public record DocumentProperties(DataSize maxSize) {

    public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(10);

    public DocumentProperties {
        maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** The limit in Dutch: "10 MB", or in kB when it is no whole number of megabytes. */
    public String label() {
        long bytes = maxBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MB" : bytes / 1024 + " kB";
    }
}
