package io.github.foundryagents.core.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps agent task records. Transitions only move forward ({@link TaskStatus}); each transition method is
 * atomic and says whether it applied, so a re-delivered job cannot move a finished task back and a terminal
 * status is reached exactly once. Implementations: {@link InMemoryTaskStore} (not durable) and the Redis store.
 * Thread-safe.
 */
public interface TaskStore {

    /**
     * Stores a new task.
     *
     * @param task a pending task
     * @throws IllegalStateException when a task with this id exists
     */
    void create(TaskRecord task);

    /**
     * @param id a task id
     * @return the task, whoever owns it (for workers and administrators)
     */
    Optional<TaskRecord> get(String id);

    /**
     * Owner-scoped lookup: another user's task is reported as absent, so ids cannot be probed.
     *
     * @param owner the asking user
     * @param id a task id
     * @return the task when it exists and belongs to {@code owner}
     */
    default Optional<TaskRecord> get(String owner, String id) {
        return get(id).filter(t -> t.owner().equals(owner));
    }

    /**
     * @param owner a user
     * @param limit the most to return
     * @return the user's tasks, newest first
     */
    List<TaskRecord> listByOwner(String owner, int limit);

    /**
     * {@code PENDING|PROCESSING → PROCESSING}, counting the attempt.
     *
     * @param id the task
     * @param at when the attempt started
     * @return the updated task, or empty when the task is missing or already terminal
     */
    Optional<TaskRecord> markProcessing(String id, Instant at);

    /**
     * {@code PENDING|PROCESSING → COMPLETED}.
     *
     * @param id the task
     * @param result the agent's result
     * @param at completion time
     * @return the updated task, or empty when the task is missing or already terminal
     */
    Optional<TaskRecord> markCompleted(String id, TaskResult result, Instant at);

    /**
     * {@code PENDING|PROCESSING → FAILED}.
     *
     * @param id the task
     * @param error the error message
     * @param at failure time
     * @return the updated task, or empty when the task is missing or already terminal
     */
    Optional<TaskRecord> markFailed(String id, String error, Instant at);
}
