package io.github.foundryagents.core.tasks;

import java.time.Duration;

/**
 * A running consumer of a {@link TaskQueue}, created by {@link TaskQueue#createWorker}. Thread-safe.
 */
public interface Worker extends AutoCloseable {

    /** Stops taking new jobs; jobs in progress finish. */
    void pause();

    /** Takes jobs again after {@link #pause()}. */
    void resume();

    /** @return whether the worker is paused */
    boolean isPaused();

    /** @return jobs being processed right now */
    int activeCount();

    /**
     * Stops taking jobs and waits for the jobs in progress to finish.
     *
     * @param timeout how long to wait for them
     * @return {@code true} when every job in progress finished in time; {@code false} otherwise (the unfinished
     *     ones are no longer renewed, so a durable queue hands them to another worker as stalled)
     */
    boolean close(Duration timeout);

    /** Closes with {@link WorkerOptions#DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    default void close() {
        close(WorkerOptions.DEFAULT_CLOSE_TIMEOUT);
    }
}
