package io.github.foundryagents.core.tasks;

/** Where a job is, with BullMQ's state names ({@code Job.getState()}). */
public enum JobState {
    /** Ready, first in, first out (BullMQ {@code waiting}). */
    WAITING,
    /** Ready, ordered by priority (BullMQ {@code prioritized}). */
    PRIORITIZED,
    /** Waiting for its delay or its retry backoff. */
    DELAYED,
    /** Taken by a worker. */
    ACTIVE,
    /** Finished with a return value. */
    COMPLETED,
    /** Finished without success after its last attempt. */
    FAILED,
    /** Not found (never added, or removed by retention). */
    UNKNOWN
}
