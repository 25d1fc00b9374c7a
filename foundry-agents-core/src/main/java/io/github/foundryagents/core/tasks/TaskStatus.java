package io.github.foundryagents.core.tasks;

/**
 * Where an agent task is. Transitions only move forward: {@code PENDING → PROCESSING → COMPLETED | FAILED};
 * a terminal status never changes, so a re-delivered job cannot undo a result.
 */
public enum TaskStatus {
    /** Stored and queued, not started. */
    PENDING,
    /** A worker is running it (possibly again, after a failed attempt or a crash). */
    PROCESSING,
    /** Finished with a result. Terminal. */
    COMPLETED,
    /** Finished with an error after its last attempt. Terminal. */
    FAILED;

    /** @return whether the status can no longer change */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** @return the lower-case name used in JSON and storage */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param wireName a lower-case name
     * @return the status
     */
    public static TaskStatus fromWire(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
