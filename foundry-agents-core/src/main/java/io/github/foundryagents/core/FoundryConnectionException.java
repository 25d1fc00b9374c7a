package io.github.foundryagents.core;

/**
 * No HTTP response arrived: the connection was refused, reset, timed out, or the body was cut short.
 * Retryable.
 */
public class FoundryConnectionException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param cause the I/O failure
     */
    public FoundryConnectionException(String message, Throwable cause) {
        super(message, cause, 0, null, true, null);
    }
}
