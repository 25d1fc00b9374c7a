package io.github.foundryagents.core.grounding;

import java.util.concurrent.TimeUnit;

/**
 * The time source of waiting for runs: a monotonic clock and a way to sleep on it. {@link #SYSTEM} in production;
 * tests inject a clock that advances when slept on, so poll schedules and budgets are checked without waiting.
 */
interface Ticker {

    /** {@link System#nanoTime()} and {@link TimeUnit#sleep(long)}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        }
    };

    /** @return the current reading in nanoseconds, only meaningful relative to other readings */
    long nanoTime();

    /**
     * @param nanos how long to sleep; zero or negative returns at once
     * @throws InterruptedException when interrupted while sleeping
     */
    void sleepNanos(long nanos) throws InterruptedException;
}
