package io.github.foundryagents.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A named queue of jobs with BullMQ's semantics: job ids are idempotency keys, lower priorities run first,
 * delays, attempts with backoff, retention of finished jobs, and workers with a concurrency limit and a rate
 * limiter. Implementations: {@link InMemoryTaskQueue} (one process, not durable) and the Redis queue of the
 * {@code foundry-agents-redis-queue} module (durable, wire-compatible with BullMQ 6). Thread-safe.
 */
public interface TaskQueue extends AutoCloseable {

    /** Default limit on a job's data: {@value} bytes (1 MiB). */
    int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

    /** @return the queue's name */
    String name();

    /**
     * Adds a job. When {@link JobOptions#jobId()} names a job that exists, nothing is written and that job's id
     * is returned: the first job wins.
     *
     * @param job the job
     * @return the job's id
     * @throws JobPayloadTooLargeException when the data exceeds the queue's limit
     */
    String add(NewJob job);

    /**
     * Adds a job.
     *
     * @param name the job's name
     * @param data the payload
     * @param options its options
     * @return the job's id
     */
    default String add(String name, JsonNode data, JobOptions options) {
        return add(NewJob.of(name, data, options));
    }

    /**
     * Adds several jobs in one round trip where the implementation can. Each job is added as by {@link #add};
     * the batch is not atomic.
     *
     * @param jobs the jobs, in order
     * @return their ids, in the same order
     * @throws JobPayloadTooLargeException when any job's data exceeds the limit (checked before anything is added)
     */
    List<String> addBulk(List<NewJob> jobs);

    /**
     * @param id a job id
     * @return the job as stored, if it exists
     */
    Optional<JobSnapshot> getJob(String id);

    /**
     * Starts a worker that runs {@code handler} for this queue's jobs.
     *
     * @param handler the job handler
     * @param options concurrency, rate limit, locks, listeners
     * @return the running worker; close it to stop
     */
    Worker createWorker(JobHandler handler, WorkerOptions options);

    /** Releases the queue's resources. Workers must be closed first. */
    @Override
    void close();
}
