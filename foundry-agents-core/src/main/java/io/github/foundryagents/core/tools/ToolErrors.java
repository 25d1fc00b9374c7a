package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.http.Json;

/**
 * The tool message a model reads when a tool call did not produce a result: {@code {"error": code, "message": text}},
 * one shape for the tool-calling loop and for grounded agents, so a model learns one way to repair its calls.
 */
public final class ToolErrors {

    /** The arguments were not valid JSON or did not bind; the tool did not run. */
    public static final String INVALID_ARGUMENTS = "invalid_arguments";
    /** The tool threw. */
    public static final String TOOL_FAILED = "tool_failed";
    /** The tool ran longer than its timeout and was interrupted. */
    public static final String TIMEOUT = "timeout";
    /** No tool of that name is registered. */
    public static final String UNKNOWN_TOOL = "unknown_tool";

    private ToolErrors() {
    }

    /**
     * @param code one of the constants above
     * @param message what happened and how the model might recover
     * @return the tool message's content
     */
    public static String message(String code, String message) {
        return Json.object().put("error", code).put("message", message).toString();
    }
}
