package io.github.foundryagents.core;

/**
 * The model answered without any text where text was expected, for example when the reply was cut by
 * {@code max_tokens} before any content or consisted only of tool calls. Not retryable as is.
 */
public class EmptyResponseException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param requestId Azure's request id, may be {@code null}
     */
    public EmptyResponseException(String message, String requestId) {
        super(message, null, 200, null, false, requestId);
    }
}
