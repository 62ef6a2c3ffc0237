package nl.citydeal.engine.system.web;

import java.io.IOException;

/** A request body went past {@link PayloadProperties#maxSize()} while it was read (413). */
public class PayloadTooLargeException extends IOException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("Request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
