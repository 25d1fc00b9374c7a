package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.RunOptions;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import java.util.List;
import java.util.Objects;

/**
 * Ready {@link TaskRunner}s for the library's agents, so a task queue runs them without glue code:
 *
 * <pre>{@code
 * AgentTaskService tasks = AgentTaskService.builder().queue(queue).store(store)
 *         .runner(TaskRunner.byAgent(Map.of(
 *                 "default", AgentTaskRunners.toolAgent(client.agent().tools(new OrderTools()).build()),
 *                 "research", AgentTaskRunners.grounded(groundedAgent))))
 *         .build();
 * }</pre>
 */
public final class AgentTaskRunners {

    private AgentTaskRunners() {
    }

    /**
     * Runs tasks with the tool-calling agent: the task's prompt is the user message, its context (when not empty)
     * fills the system prompt, and every turn counts against the task owner's quota and usage.
     *
     * @param agent the agent, shared by all tasks (it is thread-safe)
     * @return the runner
     */
    public static TaskRunner toolAgent(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        return task -> {
            AgentResult result = agent.run(task.prompt(), context(task), RunOptions.forUser(task.owner()));
            return new TaskResult(result.answer(), result.usage(), result.deployments());
        };
    }

    /**
     * Runs tasks with a grounded agent on the Foundry Agent Service: the prompt (followed by the context when not
     * empty) is the question; the answer's text is the result.
     *
     * @param agent the created grounded agent, shared by all tasks
     * @return the runner
     */
    public static TaskRunner grounded(GroundedAgent agent) {
        Objects.requireNonNull(agent, "agent");
        return task -> {
            String context = context(task);
            GroundedAnswer answer = agent.ask(context == null ? task.prompt()
                    : task.prompt() + "\n\nContext: " + context);
            return new TaskResult(answer.content(), answer.usage(), List.of(agent.deployment()));
        };
    }

    private static String context(TaskRecord task) {
        String json = task.contextJson().strip();
        return json.isEmpty() || json.equals("{}") || json.equals("null") ? null : json;
    }
}
