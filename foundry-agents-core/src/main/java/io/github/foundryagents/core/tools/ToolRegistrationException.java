package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.FoundryException;

/**
 * A tool cannot be registered: a name Azure refuses or already taken, a parameter type that has no JSON schema, a
 * method that cannot be called, a parameter without a name. The message names the tool's source and the fix.
 */
public class ToolRegistrationException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it
     */
    public ToolRegistrationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public ToolRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
