package io.github.foundryagents.core.agent;

import java.time.Duration;

/**
 * The run took longer than the agent's {@code timeout}. Running tools were interrupted.
 */
public class AgentTimeoutException extends AgentException {

    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    AgentTimeoutException(Duration timeout, String during, RunState state) {
        super("The agent run exceeded its timeout of " + Durations.text(timeout) + " " + during + ". Raise"
                + " timeout(...) on the agent builder, or give the run less to do.", null, state);
        this.timeout = timeout;
    }

    /** @return the timeout that was exceeded */
    public Duration timeout() {
        return timeout;
    }
}
