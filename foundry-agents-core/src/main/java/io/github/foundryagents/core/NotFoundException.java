package io.github.foundryagents.core;

/**
 * The addressed resource does not exist (HTTP 404). Not retryable.
 */
public class NotFoundException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public NotFoundException(String message, ServiceError error) {
        super(message, error, false);
    }
}
