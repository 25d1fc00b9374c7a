package io.github.foundryagents.core.grounding;

import java.time.Duration;

/** A clock for tests that stands still until slept on or advanced. Not thread-safe: one test thread. */
final class ManualTicker implements Ticker {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) {
        if (nanos > 0) {
            now += nanos;
        }
    }

    void advance(Duration d) {
        sleepNanos(d.toNanos());
    }
}
