package warden.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import warden.common.CommandRefusedException;
import warden.common.InvalidValueException;
import warden.common.LocalizedException;
import warden.platform.DatabaseOutage;

/** Turns every refusal into a problem detail a person can act on; nothing is changed when one is returned. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    /** A page or call about a guild the caller's token does not cover (checked in the handler, as the panel does). */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail denied(org.springframework.security.access.AccessDeniedException e) {
        return problems.of(HttpStatus.FORBIDDEN, "error.auth.forbidden");
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        ProblemDetail problem = localized(HttpStatus.BAD_REQUEST, e);
        if (e.field() != null) problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException e) {
        return localized(e.code().endsWith(".unknown") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "error.record.unknown");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problems.of(HttpStatus.CONFLICT, "error.concurrent");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> execution(CommandExecutionException e) {
        if (e.getCause() instanceof InvalidValueException invalid) return withStatus(invalid(invalid));
        if (e.getCause() instanceof CommandRefusedException refusal) return withStatus(refused(refusal));
        return internal(e);
    }

    private static ResponseEntity<ProblemDetail> withStatus(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) return invalid(invalid);
        }
        String where = e.getMostSpecificCause().getMessage();
        if (where != null && where.length() > 300) where = where.substring(0, 300);
        return problems.of(HttpStatus.BAD_REQUEST, "error.body.malformed", String.valueOf(where));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) return invalid(invalid);
        }
        ProblemDetail problem =
                problems.of(HttpStatus.BAD_REQUEST, "error.param.malformed", e.getName(), String.valueOf(e.getValue()));
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.param.missing", e.getParameterName());
        problem.setProperty("field", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.body.mediaType");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problems.of(HttpStatus.METHOD_NOT_ALLOWED, "error.method", e.getMethod());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "error.path.unknown");
    }

    /**
     * PostgreSQL unreachable (503 with {@code Retry-After}): {@code outcome} says whether nothing was stored (no
     * connection could be had) or whether the write's outcome is unknown (the connection broke under it: retry with
     * the same {@code Idempotency-Key} to learn it without writing twice); anything
     * else unexpected is a 500, logged.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        if (DatabaseOutage.causes(e)) {
            log.warn("API call refused while the database is unreachable: {}", e.getMessage());
            boolean nothingStored = DatabaseOutage.beforeAnyWrite(e);
            ProblemDetail problem = problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    nothingStored ? "error.database.unavailable" : "error.database.outcomeUnknown");
            problem.setProperty("outcome", nothingStored ? "not-stored" : "unknown");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .body(problem);
        }
        log.error("Unexpected error answering an API call", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal"));
    }

    private ProblemDetail localized(HttpStatus status, LocalizedException e) {
        return problems.of(status, e.code(), e.args());
    }
}
