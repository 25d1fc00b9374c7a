package io.github.foundryagents.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake injects into one chat request after the request passed Azure's checks (route, auth,
 * deployment, quota), as a flaky network or an overloaded backend would. Queue faults with
 * {@link FakeFoundry#faults()}. Immutable.
 */
public final class Fault {

    /** What goes wrong. */
    public enum Kind {
        /** An Azure error response with the given status. */
        STATUS,
        /** The connection closes before any byte of the response: the client sees a reset. */
        RESET,
        /** The response is sent normally after a delay. */
        DELAY,
        /** The headers and part of the body arrive, then the connection closes. */
        TRUNCATED_BODY
    }

    private final Kind kind;
    private final int status;
    private final Duration delay;

    private Fault(Kind kind, int status, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.delay = delay;
    }

    /**
     * @param status e.g. 500, 502, 503, 504 or 408 ({@link Reply#serverError()} for 500, else {@link Reply#status})
     * @return a fault answering with that status in Azure's error envelope
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure status is 4xx or 5xx, got " + status);
        }
        return new Fault(Kind.STATUS, status, Duration.ZERO);
    }

    /** @return a fault that drops the connection without answering */
    public static Fault connectionReset() {
        return new Fault(Kind.RESET, 0, Duration.ZERO);
    }

    /**
     * @param delay how long to hold the response back, e.g. beyond the client's deadline
     * @return a fault that answers normally but late
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay cannot be negative, got " + delay);
        }
        return new Fault(Kind.DELAY, 0, delay);
    }

    /** @return a fault that sends a 200 with its full Content-Length but only half the body, then closes */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO);
    }

    /** @return what goes wrong */
    public Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    Duration delay() {
        return delay;
    }

    Reply errorReply() {
        return status == 500 ? Reply.serverError() : Reply.status(status);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "Fault{HTTP " + status + "}";
            case DELAY -> "Fault{delay " + delay + "}";
            default -> "Fault{" + kind + "}";
        };
    }
}
