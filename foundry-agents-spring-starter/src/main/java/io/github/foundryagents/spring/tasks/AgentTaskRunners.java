package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.UnrecoverableJobException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The task runners of the starter: {@value #TOOLS} runs the tool-calling {@link Agent}, {@value #GROUNDED} asks the
 * grounded agent (when configured), and the core's {@value AgentTaskService#DEFAULT_AGENT} name means the configured
 * default agent. An error that retrying cannot fix (a bad request, a content filter refusal, a spent quota, a
 * limit of the agent loop) fails the task at once instead of using up its attempts.
 */
public final class AgentTaskRunners {

    /** Name of the tool-calling agent. */
    public static final String TOOLS = "tools";
    /** Name of the grounded agent. */
    public static final String GROUNDED = "grounded";

    private AgentTaskRunners() {
    }

    /**
     * @param agent the tool-calling agent
     * @param grounded the grounded agent, created on first use, or {@code null} when none is configured
     * @param groundedTimeout the most one grounded question may take
     * @param defaultAgent the agent of tasks that name none
     * @return a runner dispatching on the task's agent
     * @throws IllegalArgumentException when the default agent is not one of the runners
     */
    public static TaskRunner create(Agent agent, Supplier<GroundedAgent> grounded, Duration groundedTimeout,
            String defaultAgent) {
        Map<String, TaskRunner> runners = new LinkedHashMap<>();
        runners.put(TOOLS, task -> toolResult(agent.run(task.prompt(), contextText(task))));
        if (grounded != null) {
            AskOptions options = AskOptions.builder().timeout(groundedTimeout).build();
            runners.put(GROUNDED, task -> groundedResult(grounded.get().ask(question(task), options)));
        }
        TaskRunner fallback = runners.get(defaultAgent);
        if (fallback == null) {
            throw new IllegalArgumentException("default agent '" + defaultAgent + "' is not available; available: "
                    + runners.keySet());
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

    /** @return the task's context as text for the system prompt, or {@code null} when it is empty */
    static String contextText(TaskRecord task) {
        String context = task.contextJson();
        return context == null || context.isBlank() || context.equals("{}") ? null : context;
    }

    static String question(TaskRecord task) {
        String context = contextText(task);
        return context == null ? task.prompt() : task.prompt() + "\n\nContext: " + context;
    }

    static TaskResult toolResult(AgentResult result) {
        return new TaskResult(result.answer(), result.usage(), result.deployments());
    }

    /**
     * The answer with the service's citation markers (such as {@code 【3:0†source】}) replaced by {@code [n]} and the
     * sources listed after it, since a task result is one text.
     */
    static TaskResult groundedResult(GroundedAnswer answer) {
        List<Citation> citations = answer.citations();
        StringBuilder text = new StringBuilder(answer.content());
        for (int i = citations.size() - 1; i >= 0; i--) {
            Citation c = citations.get(i);
            boolean marked = c.markedText() != null && !c.markedText().isEmpty() && c.startIndex() >= 0
                    && c.endIndex() <= text.length() && c.markedText().equals(text.substring(c.startIndex(), c.endIndex()));
            if (marked) {
                text.replace(c.startIndex(), c.endIndex(), "[" + (i + 1) + "]");
            }
        }
        if (!citations.isEmpty()) {
            text.append("\n\nSources:");
            for (int i = 0; i < citations.size(); i++) {
                Citation c = citations.get(i);
                text.append('\n').append(i + 1).append(". ").append(c.title()).append(" - ").append(c.url());
            }
        }
        return new TaskResult(text.toString(), answer.usage(), List.of());
    }
}
