package io.github.foundryagents.core;

/**
 * Azure did not accept the credential (HTTP 401): the token is missing, expired, for the wrong audience, or the key is wrong. Not retryable.
 */
public class AuthenticationException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public AuthenticationException(String message, ServiceError error) {
        super(message, error, false);
    }
}
