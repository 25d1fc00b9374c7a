package io.github.foundryagents.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Faults queued for the next chat requests, any deployment, in order: each request that passes Azure's checks
 * takes the next one. Thread-safe.
 *
 * <pre>{@code
 * fake.faults().next(3, Fault.status(503));          // three 503s, then normal answers
 * fake.faults().next(Fault.connectionReset());
 * fake.faults().next(Fault.delay(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class Faults {

    private final Deque<Fault> queue = new ArrayDeque<>();
    private int injected;

    Faults() {
    }

    /**
     * @param fault the fault for the next request
     * @return this
     */
    public Faults next(Fault fault) {
        return next(1, fault);
    }

    /**
     * @param times how many of the next requests get it
     * @param fault the fault
     * @return this
     */
    public synchronized Faults next(int times, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** @return faults queued but not yet injected */
    public synchronized int pending() {
        return queue.size();
    }

    /** @return faults injected so far */
    public synchronized int injected() {
        return injected;
    }

    /** Drops queued faults and resets the count. */
    public synchronized void clear() {
        queue.clear();
        injected = 0;
    }

    synchronized Fault take() {
        Fault f = queue.poll();
        if (f != null) {
            injected++;
        }
        return f;
    }
}
