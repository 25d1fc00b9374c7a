package io.github.foundryagents.core.tasks;

/**
 * Processes one job. Return a value that Jackson can write as JSON (it becomes the job's {@code returnvalue});
 * throw to fail the attempt (it is retried while attempts remain, unless the exception is an
 * {@link UnrecoverableJobException}). Called concurrently, up to the worker's concurrency: must be thread-safe.
 */
@FunctionalInterface
public interface JobHandler {

    /**
     * @param job the job, with its data and a progress reporter
     * @return the result, written as JSON; {@code null} becomes JSON {@code null}
     * @throws Exception to fail this attempt
     */
    Object process(Job job) throws Exception;
}
