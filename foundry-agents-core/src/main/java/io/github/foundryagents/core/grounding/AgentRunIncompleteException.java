package io.github.foundryagents.core.grounding;

/**
 * The run ended {@code incomplete}: it stopped early, for a reason such as a token limit
 * ({@code max_completion_tokens}, {@code max_output_tokens}) or the content filter ({@code content_filter}).
 */
public class AgentRunIncompleteException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /** The service's reason, e.g. {@code max_completion_tokens} or {@code content_filter}; may be null. */
    private final String reason;

    /**
     * @param reason the service's {@code incomplete_details.reason}, may be {@code null}
     * @param runId the run id
     * @param threadId the thread id
     */
    public AgentRunIncompleteException(String reason, String runId, String threadId) {
        super("Agent run " + runId + " ended incomplete (reason: " + (reason != null ? reason : "not given") + ")"
                + advice(reason), reason, false, runId, threadId, RunStatus.INCOMPLETE);
        this.reason = reason;
    }

    /** @return the service's reason, e.g. {@code max_completion_tokens} or {@code content_filter}; may be null */
    public String reason() {
        return reason;
    }

    private static String advice(String reason) {
        if (reason == null) {
            return "";
        }
        return reason.contains("content_filter") ? ": Azure's content filter stopped the answer; rephrase the question"
                : reason.contains("token") ? ": a token limit was reached; ask a narrower question" : "";
    }
}
