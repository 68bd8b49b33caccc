package org.bilim.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Applies to every API request, before JAX-RS: answers are never cached (they carry personal
 * data), and a request body larger than {@link #MAX_BODY} is refused before anything reads it.
 * The security headers themselves come from Liberty's server.xml, so they are on every response
 * of the server, not only on the API's.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** JSON requests to Bilim are small; uploads and imports have their own limits and paths. */
    static final long MAX_BODY = 64 * 1024;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        if (upload(request)) {
            // Uploads and imports stream their body to disk and count it against their own limits.
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_BODY) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(length < 0 ? new Limited(request) : request, response);
    }

    static boolean upload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod())
                && (path.equals("/staff/files") || path.equals("/staff/imports"));
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = Language.firstSupported(Collections.list(request.getLocales())).orElse(Language.EN);
        Problem problem = Problems.problem(ProblemCode.REQUEST_TOO_LARGE, language, request.getRequestURI(),
                new Object[] {MAX_BODY / 1024}, java.util.List.of());
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(problem));
    }

    /** A body without a declared length (chunked) is cut off at the same limit while it is read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BODY) {
                            throw new BilimException(ProblemCode.REQUEST_TOO_LARGE, MAX_BODY / 1024);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            read += n;
                            if (read > MAX_BODY) {
                                throw new BilimException(ProblemCode.REQUEST_TOO_LARGE, MAX_BODY / 1024);
                            }
                        }
                        return n;
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
                };
            }
            return stream;
        }
    }
}
