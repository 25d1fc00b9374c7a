package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.JobPayloadTooLargeException;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The /tasks API's errors as RFC 9457 problem documents ({@code application/problem+json}). Types are URNs under
 * {@value #TYPE_PREFIX}; validation errors list every field in {@code errors}.
 */
@RestControllerAdvice(assignableTypes = TasksController.class)
public class TaskProblems {

    /** Prefix of every problem type of the API. */
    public static final String TYPE_PREFIX = "urn:foundry-agents:problem:";

    private final Clock clock;

    TaskProblems(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidTaskException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(JobPayloadTooLargeException e) {
        return invalid(List.of(new FieldError(TaskRequestReader.PROMPT, e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "task-not-found", "Task not found", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupported(UnsupportedBodyException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quota(UsageLimitExceededException e) {
        long seconds = Math.max(1, Duration.between(clock.instant(), e.resetsAt()).toSeconds());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS, "usage-limit-exceeded",
                "Monthly token quota used up", "You have used " + e.used() + " of the " + e.limit() + " tokens allowed"
                        + " per month; nothing was queued. The quota resets at " + e.resetsAt() + ".",
                Long.toString(seconds));
        ProblemDetail body = response.getBody();
        body.setProperty("used", e.used());
        body.setProperty("limit", e.limit());
        body.setProperty("resetsAt", e.resetsAt().toString());
        return response;
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid-task", "Invalid task",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems with the task; see errors",
                null);
        response.getBody().setProperty("errors", errors);
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
            String retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return response.body(problem);
    }
}
