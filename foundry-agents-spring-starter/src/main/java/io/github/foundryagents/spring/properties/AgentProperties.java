package io.github.foundryagents.spring.properties;

import io.github.foundryagents.core.agent.UnknownToolPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.agent.*}: the tool-calling agent that runs tasks, with every {@code @Tool} method of the
 * application's beans.
 *
 * @param instructions the system prompt; {context} is replaced by the task's context. Unset uses the guidance's
 *     prompt
 * @param deployment alias or deployment name of every turn
 * @param temperature sampling temperature 0..2; unset uses Azure's
 * @param maxTokens cap on generated tokens per turn; unset uses the model's
 * @param maxIterations the most turns (chat calls) a run may make
 * @param toolTimeout how long one tool call may run
 * @param timeout the most a whole run may take; unset means no limit
 * @param unknownToolPolicy what happens when the model calls an unregistered tool: fail or tell-model
 * @param strictTools ask Azure to enforce the tool schemas exactly (structured outputs)
 */
public record AgentProperties(
        String instructions,
        @DefaultValue("gpt4") String deployment,
        Double temperature,
        Integer maxTokens,
        @DefaultValue("10") int maxIterations,
        @DefaultValue("30s") Duration toolTimeout,
        Duration timeout,
        @DefaultValue("fail") UnknownToolPolicy unknownToolPolicy,
        @DefaultValue("false") boolean strictTools) {
}
