package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * A run (classic) or response (Responses API) as last seen by a transport.
 *
 * @param id the run or response id
 * @param status its status
 * @param errorCode {@code last_error.code} / {@code error.code} when failed, else {@code null}
 * @param errorMessage the matching message, else {@code null}
 * @param incompleteReason {@code incomplete_details.reason} when incomplete, else {@code null}
 * @param usage tokens used so far, or {@code null} when the service has not reported them yet
 * @param toolCalls function calls the run waits for ({@link RunStatus#REQUIRES_ACTION}), else empty
 * @param answer the answer when the transport already has it (a stream, a Responses API output), else
 *     {@code null} and {@link AgentServiceTransport#readAnswer} fetches it
 */
public record RunSnapshot(String id, RunStatus status, String errorCode, String errorMessage,
        String incompleteReason, TokenUsage usage, List<ToolCall> toolCalls, RunAnswer answer) {

    /**
     * Validates the components and copies the list.
     *
     * @param id the run or response id
     * @param status its status
     * @param errorCode {@code last_error.code} / {@code error.code} when failed, else {@code null}
     * @param errorMessage the matching message, else {@code null}
     * @param incompleteReason {@code incomplete_details.reason} when incomplete, else {@code null}
     * @param usage tokens used so far, or {@code null} when the service has not reported them yet
     * @param toolCalls function calls the run waits for ({@link RunStatus#REQUIRES_ACTION}), else empty
     * @param answer the answer when the transport already has it (a stream, a Responses API output), else
     *         {@code null} and {@link AgentServiceTransport#readAnswer} fetches it
     */
    public RunSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        toolCalls = List.copyOf(toolCalls);
    }

    /**
     * @param id the run id
     * @param status its status
     * @return a snapshot with nothing but id and status
     */
    public static RunSnapshot of(String id, RunStatus status) {
        return new RunSnapshot(id, status, null, null, null, null, List.of(), null);
    }

    /**
     * @param more an answer learnt later, e.g. from a stream event after the status event
     * @return a copy carrying that answer
     */
    public RunSnapshot withAnswer(RunAnswer more) {
        return new RunSnapshot(id, status, errorCode, errorMessage, incompleteReason, usage, toolCalls, more);
    }
}
