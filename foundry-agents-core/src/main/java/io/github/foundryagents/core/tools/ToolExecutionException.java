package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.FoundryException;

/**
 * A tool threw, or returned a value that cannot be written as JSON. The tool's own exception is the cause. The
 * agent loop reports the message to the model as the tool's result instead of failing the run.
 */
public class ToolExecutionException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** The tool that failed. */
    private final String toolName;

    /**
     * @param toolName the tool that failed
     * @param problem what happened
     * @param cause the tool's exception, may be {@code null}
     */
    public ToolExecutionException(String toolName, String problem, Throwable cause) {
        super("Tool '" + toolName + "' failed: " + problem, cause);
        this.toolName = toolName;
    }

    /**
     * @param toolName the tool that threw
     * @param thrown what it threw
     * @return an exception whose message names the tool and the thrown type and message
     */
    public static ToolExecutionException thrownBy(String toolName, Throwable thrown) {
        String message = thrown.getMessage();
        return new ToolExecutionException(toolName, thrown.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message), thrown);
    }

    /** @return the tool that failed */
    public String toolName() {
        return toolName;
    }
}
