package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a grounded agent answered, with its sources.
 *
 * @param content the answer's text parts, joined with a newline
 * @param citations the web sources the answer cites, in the order they appear
 * @param searchQueries the Bing queries the agent ran, which Bing's terms require apps to be able to show; empty
 *     when the service did not report them or the answer was not grounded
 * @param usage tokens the run consumed (prompt, completion, total; cached prompt and reasoning tokens where the
 *     service reports them), across tool rounds
 * @param agentId the agent ({@code asst_...} on the classic service, the agent name on the Responses API)
 * @param threadId the conversation the question ran in (a classic thread or a Responses conversation); already
 *     deleted when this answer is returned
 * @param runId the run (classic) or the last response (Responses API) that produced the answer
 * @param runDuration from starting the run until this client saw it finish, tool rounds included
 */
public record GroundedAnswer(String content, List<Citation> citations, List<String> searchQueries, TokenUsage usage,
        String agentId, String threadId, String runId, Duration runDuration) {

    /**
     * Validates the components and copies the lists.
     *
     * @param content the answer's text parts, joined with a newline
     * @param citations the web sources the answer cites, in the order they appear
     * @param searchQueries the Bing queries the agent ran, which Bing's terms require apps to be able to show; empty
     *         when the service did not report them or the answer was not grounded
     * @param usage tokens the run consumed (prompt, completion, total), across tool rounds
     * @param agentId the agent ({@code asst_...} on the classic service, the agent name on the Responses API)
     * @param threadId the conversation the question ran in (a classic thread or a Responses conversation); already
     *         deleted when this answer is returned
     * @param runId the run (classic) or the last response (Responses API) that produced the answer
     * @param runDuration from starting the run until this client saw it finish, tool rounds included
     */
    public GroundedAnswer {
        Objects.requireNonNull(content, "content");
        citations = List.copyOf(citations);
        searchQueries = List.copyOf(searchQueries);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(runDuration, "runDuration");
    }
}
