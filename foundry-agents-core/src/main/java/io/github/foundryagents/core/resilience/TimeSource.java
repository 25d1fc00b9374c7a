package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Where the resilience steps read the time and how they wait: a monotonic clock, an interruptible sleep and a
 * timed condition wait. {@link #system()} uses the real clock; tests pass their own so retries and pacing run
 * without real sleeping. Implementations must be thread-safe.
 */
public interface TimeSource {

    /** @return a monotonic time in nanoseconds, comparable only with other values from this source */
    long nanoTime();

    /**
     * Sleeps, giving up at once when the thread is interrupted.
     *
     * @param duration how long to sleep; zero or negative returns at once
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits on a condition whose lock the caller holds, like {@link Condition#awaitNanos(long)}.
     *
     * @param condition the condition
     * @param nanos the longest wait
     * @throws InterruptedException when the thread is interrupted
     */
    void await(Condition condition, long nanos) throws InterruptedException;

    /** @return the real clock ({@link System#nanoTime()}, {@link Thread#sleep}) */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** The real clock. */
    enum SystemTime implements TimeSource {
        /** The only instance. */
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isNegative() || duration.isZero()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                return;
            }
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            condition.awaitNanos(nanos);
        }
    }
}
