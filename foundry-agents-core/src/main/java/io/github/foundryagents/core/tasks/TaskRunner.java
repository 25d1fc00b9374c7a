package io.github.foundryagents.core.tasks;

import java.util.Map;
import java.util.TreeSet;

/**
 * Runs one agent task: the seam where the tool-calling agent and grounded agents plug into
 * {@link AgentTaskService}. Called on worker threads, concurrently: implementations must be thread-safe.
 * Throw to fail the attempt (retried while attempts remain); throw {@link UnrecoverableJobException} when
 * retrying cannot help.
 */
@FunctionalInterface
public interface TaskRunner {

    /**
     * @param task the task (prompt, context, owner, agent)
     * @return the answer, the tokens used and the deployments that answered
     * @throws Exception to fail this attempt
     */
    TaskResult run(TaskRecord task) throws Exception;

    /**
     * Dispatches on {@link TaskRecord#agent()}.
     *
     * @param runnersByAgent a runner per agent name
     * @return a runner that picks one, failing tasks for unknown agents without retry
     */
    static TaskRunner byAgent(Map<String, TaskRunner> runnersByAgent) {
        Map<String, TaskRunner> runners = Map.copyOf(runnersByAgent);
        return task -> {
            TaskRunner runner = runners.get(task.agent());
            if (runner == null) {
                throw new UnrecoverableJobException("No runner for agent '" + task.agent() + "'; registered: "
                        + new TreeSet<>(runners.keySet()));
            }
            return runner.run(task);
        };
    }
}
