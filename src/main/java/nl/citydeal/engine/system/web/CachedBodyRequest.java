package nl.citydeal.engine.system.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request whose body was read into memory (at most a given size), so a filter can inspect it and the servlet
 * behind it (Spring MVC, the engine REST API) still reads all of it.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body of the request, at most {@code maxBytes} of it; empty when the body is larger (then more than
     * {@code maxBytes} were read and the body is lost). A request read before is returned as it is.
     */
    public static Optional<CachedBodyRequest> read(HttpServletRequest request, long maxBytes) throws IOException {
        if (request instanceof CachedBodyRequest cached) {
            return cached.body.length > maxBytes ? Optional.empty() : Optional.of(cached);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        return body.length > limit ? Optional.empty() : Optional.of(new CachedBodyRequest(request, body));
    }

    /** The body as JSON; null when it is empty or no JSON. */
    public JsonNode json() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as text, in the request's character encoding (UTF-8 if it names none). */
    public String text() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new String(body, charset);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body was read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(
                getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
