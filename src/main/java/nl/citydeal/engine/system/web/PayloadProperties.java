package nl.citydeal.engine.system.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of a request body the APIs read ({@code citydeal.payload.max-size}, default 2 MB), whatever its framing:
 * past it the request is answered with 413 and nothing is changed ({@link PayloadSizeFilter}).
 */
@ConfigurationProperties("citydeal.payload")
public record PayloadProperties(DataSize maxSize) {

    public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(2);

    public PayloadProperties {
        maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }
}
