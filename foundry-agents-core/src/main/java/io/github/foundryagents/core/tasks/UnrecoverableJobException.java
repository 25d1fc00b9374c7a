package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.FoundryException;

/**
 * Thrown by a {@link JobHandler} when retrying cannot help (bad input, a refused request): the job fails at once,
 * whatever attempts remain. BullMQ's {@code UnrecoverableError} has the same effect.
 */
public class UnrecoverableJobException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the job cannot succeed
     */
    public UnrecoverableJobException(String message) {
        super(message);
    }

    /**
     * @param message why the job cannot succeed
     * @param cause the underlying failure
     */
    public UnrecoverableJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
