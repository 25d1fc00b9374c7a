package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.tools.ToolErrors;

import io.github.foundryagents.core.chat.ToolCall;
import java.time.Duration;
import java.util.Objects;

/**
 * How one tool call ended, as sent back to the model.
 *
 * @param call the call the model made
 * @param outcome how it ended
 * @param content the tool message's content: the tool's result, or a JSON object
 *     {@code {"error": "...", "message": "..."}} describing the problem
 * @param elapsed how long the tool ran; zero when it never started
 */
public record ToolCallResult(ToolCall call, Outcome outcome, String content, Duration elapsed) {

    /**
     * Validates the components.
     *
     * @param call the call the model made
     * @param outcome how it ended
     * @param content the tool message's content: the tool's result, or a JSON object
     *         {@code {"error": "...", "message": "..."}} describing the problem
     * @param elapsed how long the tool ran; zero when it never started
     */
    public ToolCallResult {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return whether the tool ran and returned a result */
    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** How a tool call ended. */
    public enum Outcome {
        /** The tool returned a result. */
        SUCCESS("ok"),
        /** The arguments were not valid JSON or did not bind; the tool did not run. */
        INVALID_ARGUMENTS(ToolErrors.INVALID_ARGUMENTS),
        /** The tool threw. */
        FAILED(ToolErrors.TOOL_FAILED),
        /** The tool ran longer than the per-tool timeout and was interrupted. */
        TIMED_OUT(ToolErrors.TIMEOUT),
        /** No tool of that name is registered (policy {@link UnknownToolPolicy#TELL_MODEL}). */
        UNKNOWN_TOOL(ToolErrors.UNKNOWN_TOOL);

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** @return the {@code error} code in the tool message sent to the model, {@code ok} for success */
        public String code() {
            return code;
        }
    }
}
