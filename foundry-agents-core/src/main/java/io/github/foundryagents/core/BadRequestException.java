package io.github.foundryagents.core;

/**
 * Azure rejected the request as malformed or invalid (HTTP 400). Not retryable: fix the request.
 */
public class BadRequestException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public BadRequestException(String message, ServiceError error) {
        super(message, error, false);
    }
}
