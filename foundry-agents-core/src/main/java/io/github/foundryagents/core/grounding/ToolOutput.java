package io.github.foundryagents.core.grounding;

import java.util.Objects;

/**
 * The answer of one function tool call, sent back to the run.
 *
 * @param callId the call's id ({@code tool_call_id} / {@code call_id})
 * @param output the tool's output text, usually JSON
 */
public record ToolOutput(String callId, String output) {

    /**
     * Validates the components.
     *
     * @param callId the call's id ({@code tool_call_id} / {@code call_id})
     * @param output the tool's output text, usually JSON
     */
    public ToolOutput {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(output, "output");
    }
}
