package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.FoundryException;

/**
 * A worker tried to finish a job whose lock it no longer holds: the lock expired (the worker was paused or
 * overloaded longer than the lock duration) and the job was handed to another worker as stalled. The other
 * worker's outcome counts; delivery is at-least-once.
 */
public class JobLockLostException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param jobId the job
     * @param detail what the queue reported
     */
    public JobLockLostException(String jobId, String detail) {
        super("Lost the lock of job " + jobId + " (" + detail + "): it was handed to another worker. Raise"
                + " lockDuration if handlers block the worker longer than the lock lives");
    }
}
