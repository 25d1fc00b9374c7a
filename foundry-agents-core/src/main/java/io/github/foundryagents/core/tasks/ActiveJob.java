package io.github.foundryagents.core.tasks;

import java.time.Instant;

/**
 * A job a {@link WorkerBackend} handed to a worker: what was stored, read when the job moved to active.
 *
 * @param id the job id
 * @param name the job name
 * @param dataJson the payload as stored
 * @param options the options as stored (BullMQ's defaults where the producer set none)
 * @param attemptsMade finished attempts before this one
 * @param attemptsStarted attempts started, this one included
 * @param createdAt when it was added
 * @param lockToken the lock this worker holds on the job
 * @param refusal why the job must fail without running ({@code null} normally): the stall limit was exceeded,
 *     or what was stored cannot be read (malformed data or options)
 */
public record ActiveJob(String id, String name, String dataJson, JobOptions options, int attemptsMade,
        int attemptsStarted, Instant createdAt, String lockToken, String refusal) {
}
