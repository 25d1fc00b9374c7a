package io.github.foundryagents.core.agent;

/**
 * What the agent does when the model calls a tool that is not registered.
 */
public enum UnknownToolPolicy {
    /**
     * Stop the run with an {@link UnknownToolException} naming the tool and the registered ones, before running any
     * tool of that turn (the guidance's behaviour, and the default): a missing tool is a programming error.
     */
    FAIL,
    /** Answer the call with a tool message saying the tool does not exist and listing the registered ones. */
    TELL_MODEL
}
