package io.github.foundryagents.core.grounding;

/**
 * The run ended {@code cancelled} although this client did not cancel it (someone else did, or the service).
 * Runs this client cancels because of a deadline raise {@link AgentRunTimeoutException} instead.
 */
public class AgentRunCancelledException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /**
     * @param runId the run id
     * @param threadId the thread id
     */
    public AgentRunCancelledException(String runId, String threadId) {
        super("Agent run " + runId + " was cancelled by the service or another client before it finished",
                "cancelled", false, runId, threadId, RunStatus.CANCELLED);
    }
}
