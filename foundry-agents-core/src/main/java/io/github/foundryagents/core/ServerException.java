package io.github.foundryagents.core;

/**
 * Azure failed to answer (HTTP 408 or 5xx). 408, 500, 502, 503 and 504 are retryable; other statuses are not.
 */
public class ServerException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public ServerException(String message, ServiceError error) {
        super(message, error, isTransient(error.status()));
    }

    private static boolean isTransient(int status) {
        return status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
