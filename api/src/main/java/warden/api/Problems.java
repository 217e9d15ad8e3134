package warden.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import warden.platform.Messages;

/** RFC 9457 problem details in the caller's language: {@code title} per status, {@code detail} per error code. */
@Component
public class Problems {

    private final Messages messages;
    private final JsonMapper json;

    public Problems(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail of(HttpStatus status, String code, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.text(code, locale, args));
        problem.setTitle(messages.text("problem.title." + status.value(), locale));
        problem.setProperty("code", code);
        return problem;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, of(HttpStatus.UNAUTHORIZED, "error.auth.missing"));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, of(HttpStatus.FORBIDDEN, "error.auth.forbidden"));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
