package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.config.Endpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent task as a {@link TaskStore} keeps it. Immutable; nullable components are {@code null} until the
 * task reaches that point.
 *
 * @param id the task id (also the queue job id)
 * @param owner the user who submitted it; lookups are scoped to the owner
 * @param agent which agent runs it (e.g. {@code tools}, {@code grounded}); {@link TaskRunner}s dispatch on it
 * @param prompt the user's prompt
 * @param contextJson extra context for the agent, a JSON object as text
 * @param webhookUrl where the outcome is posted, or {@code null}
 * @param status where the task is
 * @param result the agent's answer when completed
 * @param error the error message when failed
 * @param usage tokens the agent used (zero until completed)
 * @param deployments deployments that answered, in order
 * @param attempts how many times a worker started it
 * @param createdAt when it was submitted
 * @param startedAt when a worker first started it
 * @param completedAt when it reached a terminal status
 */
public record TaskRecord(String id, String owner, String agent, String prompt, String contextJson, String webhookUrl,
        TaskStatus status, String result, String error, TokenUsage usage, List<String> deployments, int attempts,
        Instant createdAt, Instant startedAt, Instant completedAt) {

    /**
     * Validates and copies.
     *
     * @param id the task id (also the queue job id)
     * @param owner the user who submitted it; lookups are scoped to the owner
     * @param agent which agent runs it (e.g. {@code tools}, {@code grounded}); {@link TaskRunner}s dispatch on it
     * @param prompt the user's prompt
     * @param contextJson extra context for the agent, a JSON object as text
     * @param webhookUrl where the outcome is posted, or {@code null}
     * @param status where the task is
     * @param result the agent's answer when completed
     * @param error the error message when failed
     * @param usage tokens the agent used (zero until completed)
     * @param deployments deployments that answered, in order
     * @param attempts how many times a worker started it
     * @param createdAt when it was submitted
     * @param startedAt when a worker first started it
     * @param completedAt when it reached a terminal status
     */
    public TaskRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(contextJson, "contextJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        usage = usage == null ? TokenUsage.ZERO : usage;
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /**
     * A new pending task.
     *
     * @param id task id
     * @param owner submitting user
     * @param agent which agent runs it
     * @param prompt the prompt
     * @param contextJson context JSON object text
     * @param webhookUrl webhook or {@code null}
     * @param now submission time
     * @return the record
     */
    public static TaskRecord pending(String id, String owner, String agent, String prompt, String contextJson,
            String webhookUrl, Instant now) {
        return new TaskRecord(id, owner, agent, prompt, contextJson, webhookUrl, TaskStatus.PENDING, null, null,
                TokenUsage.ZERO, List.of(), 0, now, null, null);
    }

    /** @return how long the run took (start to finish), once finished */
    public Optional<Duration> duration() {
        return startedAt == null || completedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, completedAt));
    }

    /** @return the webhook URL, if any */
    public Optional<String> webhook() {
        return Optional.ofNullable(webhookUrl);
    }

    /**
     * @param at when a worker started this attempt
     * @return this task, processing, with one more attempt
     */
    public TaskRecord processing(Instant at) {
        return new TaskRecord(id, owner, agent, prompt, contextJson, webhookUrl, TaskStatus.PROCESSING, result,
                error, usage, deployments, attempts + 1, createdAt, startedAt == null ? at : startedAt, null);
    }

    /**
     * @param outcome the agent's result
     * @param at completion time
     * @return this task, completed
     */
    public TaskRecord completed(TaskResult outcome, Instant at) {
        return new TaskRecord(id, owner, agent, prompt, contextJson, webhookUrl, TaskStatus.COMPLETED,
                outcome.text(), null, outcome.usage(), outcome.deployments(), attempts, createdAt,
                startedAt == null ? at : startedAt, at);
    }

    /**
     * @param message the error
     * @param at failure time
     * @return this task, failed
     */
    public TaskRecord failed(String message, Instant at) {
        return new TaskRecord(id, owner, agent, prompt, contextJson, webhookUrl, TaskStatus.FAILED, null, message,
                usage, deployments, attempts, createdAt, startedAt == null ? at : startedAt, at);
    }

    @Override
    public String toString() {
        return "TaskRecord{id=" + id + ", owner=" + owner + ", agent=" + agent + ", status=" + status
                + ", attempts=" + attempts + ", webhook=" + (webhookUrl == null ? null : Endpoints.redact(webhookUrl))
                + ", usage=" + usage + '}';
    }
}
