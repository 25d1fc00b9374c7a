package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.FoundryException;

/**
 * Thrown when a job's data exceeds the queue's payload limit. Large inputs belong in blob storage, with a
 * reference in the job.
 */
public class JobPayloadTooLargeException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param jobName the job's name
     * @param size the payload's size in bytes
     * @param limit the queue's limit in bytes
     */
    public JobPayloadTooLargeException(String jobName, long size, long limit) {
        super("Job '" + jobName + "' carries " + size + " bytes of data, over the queue's limit of " + limit
                + " bytes: store large inputs elsewhere (e.g. blob storage) and put a reference in the job, or raise"
                + " the limit with maxPayloadBytes(...)");
    }

    /**
     * Checks a payload against a limit.
     *
     * @param job the job
     * @param limitBytes the limit in UTF-8 bytes
     * @throws JobPayloadTooLargeException when the data is larger
     */
    public static void check(NewJob job, int limitBytes) {
        String data = job.dataJson();
        // Cheap bound first: UTF-8 needs at most 3 bytes per UTF-16 char.
        if ((long) data.length() * 3 <= limitBytes) {
            return;
        }
        long size = data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > limitBytes) {
            throw new JobPayloadTooLargeException(job.name(), size, limitBytes);
        }
    }
}
