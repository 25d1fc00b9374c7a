package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * A clock that only moves when told to or when someone waits on it: sleeping and timed waits return at once after
 * moving the clock forward by the requested time. Records every sleep. Interrupts are honoured like the real
 * ones.
 */
final class FakeTime implements TimeSource {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public void await(Condition condition, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        advance(Duration.ofNanos(nanos));
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
