package io.github.foundryagents.core.agent;

/**
 * The thread running the agent was interrupted. Running tools were interrupted too; the thread's interrupt flag is
 * set again when this is thrown, so callers up the stack still see the cancellation.
 */
public class AgentCancelledException extends AgentException {

    private static final long serialVersionUID = 1L;

    AgentCancelledException(String during, Throwable cause, RunState state) {
        super("The agent run was cancelled (its thread was interrupted) " + during + ".", cause, state);
    }
}
