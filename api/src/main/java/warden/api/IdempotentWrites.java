package warden.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import warden.common.TokenHash;

/**
 * {@code Idempotency-Key} on every REST write, as payment APIs have it: the first request with a key is carried out
 * and its answer kept (per token, for a day); a retry with the same key gets that answer again, with
 * {@code Idempotent-Replayed: true}, and records nothing new. A key reused for a different request is refused (422),
 * one whose first request is still running answers 409. An answer of 5xx is not kept, so a retry runs again; ids
 * the server would have made up are then derived from the key ({@link #REQUEST_ATTRIBUTE}), so that a write whose
 * outcome was unknown is found the second time and not made twice.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotentWrites extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** The key of the request, scoped to its caller, for controllers deriving ids from it. */
    static final String REQUEST_ATTRIBUTE = "warden.idempotency-key";

    /**
     * The id a write makes up for what it creates: derived from the request's {@code Idempotency-Key} when it has one
     * (so that the same write, retried, names the same thing and is recognised), else {@code random}.
     */
    public static String newId(java.util.function.Supplier<String> random) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        Object derived = attributes == null
                ? null
                : attributes.getAttribute(
                        REQUEST_ATTRIBUTE, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        return derived == null ? random.get() : "idem-" + derived;
    }

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY = 255;

    private final JdbcClient db;
    private final Problems problems;

    IdempotentWrites(JdbcClient db, Problems problems) {
        this.db = db;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            refuse(response, HttpStatus.BAD_REQUEST, "error.idempotency.key", MAX_KEY);
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller == null ? "anonymous" : caller.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = TokenHash.of(request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n" + new String(body, StandardCharsets.UTF_8));
        if (ThreadLocalRandom.current().nextInt(256) == 0) { // now and then, keys older than a day go
            db.sql("delete from idempotency_key where created_at < now() - interval '1 day'")
                    .update();
        }
        int claimed = db.sql("""
                        insert into idempotency_key (caller, key, fingerprint) values (?, ?, ?)
                        on conflict (caller, key) do nothing""").params(who, key, fingerprint).update();
        if (claimed == 0) {
            answerAgain(who, key, fingerprint, response);
            return;
        }
        request.setAttribute(REQUEST_ATTRIBUTE, TokenHash.of(who + "\n" + key).substring(0, 32));
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), answer);
            if (answer.getStatus() < 500) {
                db.sql("update idempotency_key set status = ?, content_type = ?, body = ? where caller = ? and key = ?")
                        .params(answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray(), who, key)
                        .update();
                kept = true;
            }
        } finally {
            if (!kept) {
                db.sql("delete from idempotency_key where caller = ? and key = ?")
                        .params(who, key)
                        .update();
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerAgain(String who, String key, String fingerprint, HttpServletResponse response)
            throws IOException {
        Map<String, Object> first = db.sql("""
                        select fingerprint, status, content_type, body from idempotency_key
                        where caller = ? and key = ?""").params(who, key).query().singleRow();
        if (!fingerprint.equals(first.get("fingerprint"))) {
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, "error.idempotency.reused");
        } else if (first.get("status") == null) {
            response.setHeader("Retry-After", "1");
            refuse(response, HttpStatus.CONFLICT, "error.idempotency.running");
        } else {
            response.setStatus(((Number) first.get("status")).intValue());
            if (first.get("content_type") != null) response.setContentType((String) first.get("content_type"));
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write((byte[]) first.get("body"));
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, Object... args)
            throws IOException {
        problems.write(response, problems.of(status, code, args));
    }

    /** The request with its body read once (to fingerprint it) and served again to the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
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
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
