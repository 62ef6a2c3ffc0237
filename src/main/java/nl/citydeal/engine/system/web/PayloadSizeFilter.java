package nl.citydeal.engine.system.web;

import java.io.IOException;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what the APIs ({@code /api/**}, {@code /engine-rest/**}, {@code /camunda/api/**}) read of a request body to
 * {@link PayloadProperties#maxSize()}, whatever the framing (a {@code Content-Length}, chunked, or none): past it the
 * answer is 413 (problem+json) and nothing behind this filter has seen the request, so nothing changed.
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is refused before anything is read;</li>
 * <li>a body the servlet reads as a stream (JSON, CSV, and every body of the engine REST API and the Camunda
 * webapps' API, which are JAX-RS servlets that parse multipart themselves) is read here up to the limit first;</li>
 * <li>a form or multipart body that the servlet container parses for Spring MVC ({@code /api/**}) stays with the
 * container, which stops at {@code spring.servlet.multipart.*} and {@code server.tomcat.max-http-form-post-size};
 * its stream, should anything read it, stops at the limit. A multipart body may declare up to the container's
 * {@code spring.servlet.multipart.max-request-size} when that is larger (a deal's documents, up to
 * {@code citydeal.documents.max-size}).</li>
 * </ul>
 * Runs after Spring Security, so an anonymous request is refused without reading its body.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
class PayloadSizeFilter extends OncePerRequestFilter {

    private final PayloadProperties properties;
    private final long multipartMax;

    PayloadSizeFilter(PayloadProperties properties, MultipartProperties multipart) {
        this.properties = properties;
        this.multipartMax = Math.max(
                properties.maxBytes(),
                multipart.getMaxRequestSize() == null
                        ? 0
                        : multipart.getMaxRequestSize().toBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.startsWith("/api/") || jaxRs(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = properties.maxBytes();
        long declaredMax = multipartToSpringMvc(request) ? multipartMax : max;
        if (request.getContentLengthLong() > declaredMax) {
            ProblemResponse.tooLarge(response, declaredMax);
            return;
        }
        if (parsedByContainer(request)) {
            chain.doFilter(new LimitedRequest(request, declaredMax), response);
            return;
        }
        Optional<CachedBodyRequest> read = CachedBodyRequest.read(request, max);
        if (read.isEmpty()) {
            ProblemResponse.tooLarge(response, max);
            return;
        }
        chain.doFilter(read.get(), response);
    }

    /** Forms and multipart to Spring MVC: Tomcat parses those itself (request.getParts(), getParameter()). */
    private static boolean parsedByContainer(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        boolean form = contentType.regionMatches(
                true,
                0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
        boolean multipart = contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        return form || (multipart && !jaxRs(path(request)));
    }

    /** Multipart to Spring MVC: Tomcat parses it up to {@code spring.servlet.multipart.*}. */
    private static boolean multipartToSpringMvc(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null
                && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length())
                && !jaxRs(path(request));
    }

    /** The engine REST API and the Camunda webapps' API: Jersey servlets that read the body as a stream. */
    private static boolean jaxRs(String path) {
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A body read as a stream that ends in {@link PayloadTooLargeException} once more than the limit was read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        LimitedInputStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > max) {
                throw new PayloadTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
