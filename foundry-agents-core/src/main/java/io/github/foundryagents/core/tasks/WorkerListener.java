package io.github.foundryagents.core.tasks;

/**
 * Receives a worker's events. Every method has an empty default; implement the ones you need. Called on worker
 * threads, possibly concurrently: implementations must be thread-safe and quick. An exception thrown here is
 * logged and ignored.
 */
public interface WorkerListener {

    /**
     * A job finished successfully.
     *
     * @param job the job
     * @param returnValueJson the stored return value (JSON text)
     */
    default void onCompleted(Job job, String returnValueJson) {
    }

    /**
     * An attempt failed.
     *
     * @param job the job
     * @param error what the handler threw (or why the worker failed the job)
     * @param willRetry {@code true} when another attempt is scheduled, {@code false} when the job failed for good
     */
    default void onFailed(Job job, Throwable error, boolean willRetry) {
    }

    /**
     * The handler reported progress.
     *
     * @param job the job
     * @param progressJson the progress as JSON text
     */
    default void onProgress(Job job, String progressJson) {
    }

    /**
     * A job whose worker stopped renewing its lock (it crashed or hung) was moved back to be run again.
     *
     * @param jobId the job's id
     */
    default void onStalled(String jobId) {
    }

    /**
     * The worker hit an error outside a handler (Redis unreachable, a lock lost). It keeps running.
     *
     * @param error the error
     */
    default void onError(Throwable error) {
    }
}
