package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.tasks.AgentTaskRunners;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.UnrecoverableJobException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The starter's task runner: the core's {@link AgentTaskRunners} by agent name — {@value #TOOLS} runs the
 * tool-calling agent as the task's owner, {@value #GROUNDED} asks the grounded agent (created on first use) — with
 * the core's {@value AgentTaskService#DEFAULT_AGENT} name meaning the configured default. An error that retrying
 * cannot fix (a bad request, a content filter refusal, a spent quota, a limit of the agent loop) fails the task at
 * once instead of using up its attempts.
 */
public final class TaskRunners {

    /** Name of the tool-calling agent. */
    public static final String TOOLS = "tools";
    /** Name of the grounded agent. */
    public static final String GROUNDED = "grounded";

    private TaskRunners() {
    }

    /**
     * @param agent the tool-calling agent
     * @param grounded supplies the grounded agent (created on the service when first asked), or {@code null} when
     *     none is configured
     * @param defaultAgent the agent of tasks that name none
     * @return a runner dispatching on the task's agent
     * @throws IllegalArgumentException when the default agent is not one of the runners
     */
    public static TaskRunner create(Agent agent, Supplier<GroundedAgent> grounded, String defaultAgent) {
        Map<String, TaskRunner> runners = new LinkedHashMap<>();
        runners.put(TOOLS, AgentTaskRunners.toolAgent(agent));
        if (grounded != null) {
            runners.put(GROUNDED, task -> AgentTaskRunners.grounded(grounded.get()).run(task));
        }
        TaskRunner fallback = runners.get(defaultAgent);
        if (fallback == null) {
            throw new IllegalArgumentException("foundry.agents.tasks.default-agent '" + defaultAgent
                    + "' is not available; available: " + runners.keySet()
                    + (grounded == null ? " (grounded needs foundry.agents.grounded.project-endpoint)" : ""));
        }
        runners.put(AgentTaskService.DEFAULT_AGENT, fallback);
        TaskRunner dispatch = TaskRunner.byAgent(runners);
        return task -> {
            try {
                return dispatch.run(task);
            } catch (FoundryException e) {
                if (!e.isRetryable() && !(e instanceof UnrecoverableJobException)) {
                    throw new UnrecoverableJobException(e.getMessage(), e);
                }
                throw e;
            }
        };
    }
}
