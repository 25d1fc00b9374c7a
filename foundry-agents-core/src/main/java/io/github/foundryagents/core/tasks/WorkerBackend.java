package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a queue implementation provides so that {@link QueueWorker} can run its jobs: atomic moves between the
 * states, locks, and a way to sleep until work arrives. Implemented by {@link InMemoryTaskQueue} and by the
 * Redis queue; not for application code. Implementations must be thread-safe.
 */
public interface WorkerBackend {

    /**
     * Takes the next ready job (promoting due delayed jobs first), honouring the rate limiter.
     *
     * @param lockToken the lock to take on the job
     * @return the job, or why there is none
     */
    Claim moveToActive(String lockToken);

    /**
     * Completes a job and, when asked, takes the next one in the same step.
     *
     * @param job the job
     * @param returnValueJson the return value as JSON text
     * @param fetchNext whether to take the next job
     * @param nextLockToken the lock for the next job
     * @return the next job, or {@link Claim#NONE}
     * @throws JobLockLostException when this worker no longer holds the job's lock
     */
    Claim complete(ActiveJob job, String returnValueJson, boolean fetchNext, String nextLockToken);

    /**
     * Records a failed attempt: schedules the retry, or fails the job for good.
     *
     * @param job the job
     * @param failure the error and the retry decision
     * @param fetchNext whether to take the next job
     * @param nextLockToken the lock for the next job
     * @return the next job, or {@link Claim#NONE}
     * @throws JobLockLostException when this worker no longer holds the job's lock
     */
    Claim fail(ActiveJob job, JobFailure failure, boolean fetchNext, String nextLockToken);

    /**
     * Blocks until work may be available or the timeout passes. Called by one worker thread at a time.
     *
     * @param timeout the longest wait
     */
    void awaitWork(Duration timeout);

    /** Ends a blocked {@link #awaitWork} early (the worker is closing). */
    void wakeUp();

    /**
     * Renews the locks of jobs in progress.
     *
     * @param lockTokensByJobId the jobs and their lock tokens
     * @param lockDuration the new lifetime
     * @return ids whose lock was lost
     */
    List<String> extendLocks(Map<String, String> lockTokensByJobId, Duration lockDuration);

    /**
     * Moves jobs whose worker stopped renewing their locks back to wait (at most once per interval across every
     * worker of the queue); a job over the stall limit is marked to fail when next taken.
     *
     * @param maxStalledCount stalls allowed
     * @param interval the check interval
     * @return the ids moved back
     */
    Collection<String> recoverStalled(int maxStalledCount, Duration interval);

    /**
     * Stores a job's progress and publishes it.
     *
     * @param jobId the job
     * @param progressJson the progress as JSON text
     */
    void updateProgress(String jobId, String progressJson);

    /** Releases what the backend holds for one worker (e.g. its blocking connection); called once on close. */
    default void close() {
    }
}
