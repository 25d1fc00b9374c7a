package io.github.foundryagents.core.grounding;

import java.time.Duration;

/**
 * The ask's deadline ({@link AskOptions#timeout()}) passed before the run finished. The run was cancelled and its
 * conversation deleted. Not retryable: the caller's time is spent.
 */
public class AgentRunTimeoutException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    /**
     * @param timeout the deadline that passed
     * @param lastStatus the status last seen
     * @param runId the run id, may be {@code null} when the run had not started
     * @param threadId the thread id
     */
    public AgentRunTimeoutException(Duration timeout, RunStatus lastStatus, String runId, String threadId) {
        super("Agent run " + runId + " did not finish within " + timeout + " (last status "
                + (lastStatus == null ? "none" : lastStatus.wireName()) + "); it was cancelled. Raise the timeout in"
                + " AskOptions, or ask a narrower question", "timeout", false, runId, threadId,
                lastStatus == null ? RunStatus.QUEUED : lastStatus);
        this.timeout = timeout;
    }

    /** @return the deadline that passed */
    public Duration timeout() {
        return timeout;
    }
}
