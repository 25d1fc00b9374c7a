package io.github.foundryagents.core;

/**
 * Azure's content filter refused the prompt (HTTP 400 with code {@code content_filter}). Not retryable: the
 * same prompt will be refused again.
 */
public class ContentFilterException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public ContentFilterException(String message, ServiceError error) {
        super(message, error);
    }
}
