package io.github.foundryagents.core.grounding;

import java.util.Locale;

/**
 * The state of a run (classic Agent Service) or a response (Responses API), in the classic service's words.
 *
 * <p>{@link #COMPLETED}, {@link #FAILED}, {@link #CANCELLED}, {@link #EXPIRED}, {@link #INCOMPLETE} and
 * {@link #UNKNOWN} (a status this library does not know) end a run; {@link #REQUIRES_ACTION} waits for function
 * tool outputs; the others are still moving.
 */
public enum RunStatus {
    /** Accepted, not started. */
    QUEUED,
    /** Running. */
    IN_PROGRESS,
    /** Waiting for the outputs of function tools. */
    REQUIRES_ACTION,
    /** A cancel was requested and is being applied. */
    CANCELLING,
    /** Cancelled. Terminal. */
    CANCELLED,
    /** Failed; the run's last error says why. Terminal. */
    FAILED,
    /** Finished with an answer. Terminal. */
    COMPLETED,
    /** Not finished before the service's expiry (e.g. tool outputs never arrived). Terminal. */
    EXPIRED,
    /** Stopped early, e.g. a token limit or the content filter. Terminal. */
    INCOMPLETE,
    /** A status this library does not know; treated as terminal so a run never waits forever. */
    UNKNOWN;

    /**
     * @param wire the status string as the service sends it, e.g. {@code in_progress}
     * @return the status, {@link #UNKNOWN} for anything unrecognised
     */
    public static RunStatus fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(wire.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** @return the status as the classic service writes it, e.g. {@code in_progress} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the run has ended and will not change again */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, CANCELLED, EXPIRED, INCOMPLETE, UNKNOWN -> true;
            default -> false;
        };
    }
}
