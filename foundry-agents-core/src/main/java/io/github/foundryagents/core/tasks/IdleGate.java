package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets idle worker threads share one blocking wait: the first idle thread blocks in the backend (one Redis
 * connection, one {@code BZPOPMIN}); the others wait until it returns. Thread-safe.
 */
final class IdleGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean blocking;
    private long generation;

    void await(WorkerBackend backend, Duration timeout) throws InterruptedException {
        lock.lock();
        long seen = generation;
        if (!blocking) {
            blocking = true;
            lock.unlock();
            try {
                backend.awaitWork(timeout);
            } finally {
                lock.lock();
                blocking = false;
                generation++;
                changed.signalAll();
                lock.unlock();
            }
            return;
        }
        try {
            long nanos = timeout.toNanos();
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void wakeAll() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps up to {@code timeout}, returning early on {@link #wakeAll()}. */
    void sleep(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long seen = generation;
            long nanos = timeout.toNanos();
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
