package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.RunOptions;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.Citation;
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
     * empty) is the question, asked on behalf of the task's owner; the result is the answer's text with the
     * service's citation markers (such as {@code 【3:0†source】}) replaced by {@code [n]} and the numbered sources
     * listed after it, since a task keeps one text.
     *
     * @param agent the created grounded agent, shared by all tasks
     * @return the runner
     */
    public static TaskRunner grounded(GroundedAgent agent) {
        Objects.requireNonNull(agent, "agent");
        return task -> {
            String context = context(task);
            GroundedAnswer answer = agent.ask(context == null ? task.prompt()
                    : task.prompt() + "\n\nContext: " + context, AskOptions.builder().userId(task.owner()).build());
            return new TaskResult(withSources(answer), answer.usage(), List.of(agent.deployment()));
        };
    }

    static String withSources(GroundedAnswer answer) {
        List<Citation> citations = answer.citations();
        StringBuilder text = new StringBuilder(answer.content());
        for (int i = citations.size() - 1; i >= 0; i--) {
            Citation c = citations.get(i);
            boolean marked = !c.markedText().isEmpty() && c.startIndex() >= 0 && c.endIndex() <= text.length()
                    && c.markedText().equals(text.substring(c.startIndex(), c.endIndex()));
            if (marked) {
                text.replace(c.startIndex(), c.endIndex(), "[" + (i + 1) + "]");
            }
        }
        if (!citations.isEmpty()) {
            text.append("\n\nSources:");
            for (int i = 0; i < citations.size(); i++) {
                text.append('\n').append(i + 1).append(". ").append(citations.get(i).title()).append(" - ")
                        .append(citations.get(i).url());
            }
        }
        return text.toString();
    }

    private static String context(TaskRecord task) {
        String json = task.contextJson().strip();
        return json.isEmpty() || json.equals("{}") || json.equals("null") ? null : json;
    }
}
