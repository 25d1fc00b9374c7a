package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.FoundryException;

/**
 * A grounded run ended without an answer. Subclasses name each way: {@link AgentRunFailedException},
 * {@link AgentRunExpiredException}, {@link AgentRunCancelledException}, {@link AgentRunIncompleteException},
 * {@link AgentRunTimeoutException}; this type itself is thrown for a status this library does not know or a run
 * that stopped making sense (e.g. too many tool rounds). The conversation was deleted before this was thrown.
 */
public class AgentRunException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** The run (classic) or response (Responses API) id. */
    private final String runId;
    /** The thread (classic) or conversation (Responses API) id; deleted by now. */
    private final String threadId;
    /** The status the run ended in. */
    private final RunStatus status;

    /**
     * @param message what happened and what to do
     * @param errorCode the service's error code, may be {@code null}
     * @param retryable whether asking again may succeed
     * @param runId the run (or response) id, may be {@code null}
     * @param threadId the thread (or conversation) id, may be {@code null}
     * @param status the status the run ended in
     */
    public AgentRunException(String message, String errorCode, boolean retryable, String runId, String threadId,
            RunStatus status) {
        super(message, null, 0, errorCode, retryable, null);
        this.runId = runId;
        this.threadId = threadId;
        this.status = status;
    }

    /** @return the run (classic) or response (Responses API) id */
    public String runId() {
        return runId;
    }

    /** @return the thread (classic) or conversation (Responses API) id; deleted by now */
    public String threadId() {
        return threadId;
    }

    /** @return the status the run ended in */
    public RunStatus status() {
        return status;
    }
}
