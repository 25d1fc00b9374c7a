package io.github.foundryagents.core.tasks;

/**
 * Receives the token usage of each completed task, once per task, under the task's owner
 * ({@link TaskRecord#owner()}, {@link TaskRecord#usage()}, {@link TaskRecord#deployments()}). The seam where
 * usage metering and monthly quotas connect. Called on worker threads: must be thread-safe.
 */
@FunctionalInterface
public interface TaskUsageListener {

    /**
     * @param completedTask the task, completed, with its usage
     */
    void onTaskCompleted(TaskRecord completedTask);
}
