package io.github.foundryagents.core.grounding;

/**
 * The run ended {@code expired}: the service gave up on it, typically because it waited for tool outputs that
 * never came. Not retryable as is.
 */
public class AgentRunExpiredException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /**
     * @param runId the run id
     * @param threadId the thread id
     */
    public AgentRunExpiredException(String runId, String threadId) {
        super("Agent run " + runId + " expired before it finished: the service stops runs that wait too long, for"
                + " example for function tool outputs. Make tools answer faster or ask again",
                "expired", false, runId, threadId, RunStatus.EXPIRED);
    }
}
