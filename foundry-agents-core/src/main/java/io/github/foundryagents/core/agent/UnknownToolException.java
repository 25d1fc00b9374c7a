package io.github.foundryagents.core.agent;

import java.util.List;
import java.util.Set;

/**
 * The model called a tool that is not registered, under {@link UnknownToolPolicy#FAIL}. No tool of that turn ran.
 */
public class UnknownToolException extends AgentException {

    private static final long serialVersionUID = 1L;

    /** The name the model used. */
    private final String toolName;
    private final transient List<String> registered;

    UnknownToolException(String toolName, Set<String> registered, RunState state) {
        super("The model called the tool '" + toolName + "', which is not registered (registered: "
                + (registered.isEmpty() ? "none" : String.join(", ", registered)) + "). Register it, or set"
                + " unknownToolPolicy(UnknownToolPolicy.TELL_MODEL) to let the model correct itself.", null, state);
        this.toolName = toolName;
        this.registered = List.copyOf(registered);
    }

    /** @return the name the model used */
    public String toolName() {
        return toolName;
    }

    /** @return the names that are registered */
    public List<String> registeredTools() {
        return registered;
    }
}
