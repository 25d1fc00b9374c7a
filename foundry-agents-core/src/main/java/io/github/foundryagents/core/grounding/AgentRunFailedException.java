package io.github.foundryagents.core.grounding;

import java.util.Set;

/**
 * The run ended {@code failed}. {@link #errorCode()} is the run's {@code last_error.code} (classic) or
 * {@code error.code} (Responses API). {@code rate_limit_exceeded} and {@code server_error} are retryable: asking
 * again (in a new thread) may succeed; other codes, such as {@code invalid_prompt} or content-policy refusals,
 * are not.
 */
public class AgentRunFailedException extends AgentRunException {

    private static final long serialVersionUID = 1L;

    /** Error codes after which asking again may succeed. */
    public static final Set<String> RETRYABLE_CODES = Set.of("rate_limit_exceeded", "server_error");

    /** The service's own words, e.g. {@code Rate limit is exceeded. Try again in 60 seconds.}. */
    private final String serviceMessage;

    /**
     * @param code the run's error code, may be {@code null}
     * @param serviceMessage the run's error message, may be {@code null}
     * @param runId the run id
     * @param threadId the thread id
     */
    public AgentRunFailedException(String code, String serviceMessage, String runId, String threadId) {
        super(describe(code, serviceMessage, runId), code, code != null && RETRYABLE_CODES.contains(code), runId,
                threadId, RunStatus.FAILED);
        this.serviceMessage = serviceMessage;
    }

    /** @return the service's own words, e.g. {@code Rate limit is exceeded. Try again in 60 seconds.} */
    public String serviceMessage() {
        return serviceMessage;
    }

    private static String describe(String code, String message, String runId) {
        String what = "Agent run " + runId + " failed: " + (message != null ? message : "no message")
                + " (code: " + (code != null ? code : "unknown") + ")";
        if (code != null && RETRYABLE_CODES.contains(code)) {
            return what + ". This is transient: ask again, or let the retry policy do it; if rate limits persist,"
                    + " raise the model deployment's capacity or lower the number of parallel runs";
        }
        if ("invalid_prompt".equals(code)) {
            return what + ". The service refused the input: change the question or the agent's instructions";
        }
        return what + ". Check the agent's tools and model deployment; retrying the same question will not help";
    }
}
