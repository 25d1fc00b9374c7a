package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.TaskRecord;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code GET /tasks/{id}}. Timestamps are ISO-8601 strings; absent values are {@code null}.
 *
 * @param taskId the task id
 * @param status pending, processing, completed or failed
 * @param result the answer, when completed
 * @param error the error, when failed
 * @param usage tokens used
 * @param deployments deployments that answered
 * @param attempts how many times a worker started the task
 * @param createdAt when it was submitted
 * @param startedAt when a worker first started it
 * @param completedAt when it finished
 */
public record TaskView(String taskId, String status, String result, String error, Usage usage,
        List<String> deployments, int attempts, String createdAt, String startedAt, String completedAt) {

    /**
     * Tokens used.
     *
     * @param promptTokens prompt tokens
     * @param completionTokens completion tokens
     * @param totalTokens all tokens
     */
    public record Usage(long promptTokens, long completionTokens, long totalTokens) {
    }

    static TaskView of(TaskRecord task) {
        return new TaskView(task.id(), task.status().wireName(), task.result(), task.error(),
                new Usage(task.usage().promptTokens(), task.usage().completionTokens(), task.usage().totalTokens()),
                task.deployments(), task.attempts(), text(task.createdAt()), text(task.startedAt()),
                text(task.completedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
