package io.github.foundryagents.core.tasks;

import java.time.Instant;

/**
 * A job as stored, read for inspection (tests, dashboards, the task API). Nullable components are {@code null}
 * when the job has not reached that point.
 *
 * @param id the job id
 * @param name the job name
 * @param dataJson the payload as stored
 * @param state where the job is
 * @param priority 0 for none, else 1 (first) and up
 * @param attemptsMade finished attempts (BullMQ {@code attemptsMade})
 * @param attemptsStarted attempts started, including ones lost to crashed workers
 * @param returnValueJson the handler's result as JSON text, or {@code null}
 * @param failedReason the last error message, or {@code null}; kept even when a later attempt succeeds, as in BullMQ
 * @param progressJson the last progress update as JSON text, or {@code null}
 * @param createdAt when the job was added
 * @param processedOn when the latest attempt started, or {@code null}
 * @param finishedOn when it completed or failed for good, or {@code null}
 */
public record JobSnapshot(String id, String name, String dataJson, JobState state, int priority, int attemptsMade,
        int attemptsStarted, String returnValueJson, String failedReason, String progressJson, Instant createdAt,
        Instant processedOn, Instant finishedOn) {
}
