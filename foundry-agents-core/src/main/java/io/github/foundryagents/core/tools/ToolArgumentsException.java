package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.FoundryException;

/**
 * The model called a tool with arguments that are not a JSON object, miss a required property, name an unknown
 * one, or do not bind to the declared types. The agent loop sends the message back to the model so it can repair
 * the call; it is never a failure of the run.
 */
public class ToolArgumentsException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** The tool that was called. */
    private final String toolName;

    /**
     * @param toolName the tool that was called
     * @param problem what is wrong with the arguments and how to fix them
     */
    public ToolArgumentsException(String toolName, String problem) {
        super("Invalid arguments for tool '" + toolName + "': " + problem);
        this.toolName = toolName;
    }

    /** @return the tool that was called */
    public String toolName() {
        return toolName;
    }
}
