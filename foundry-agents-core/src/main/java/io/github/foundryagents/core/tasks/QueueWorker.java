package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The worker of every {@link TaskQueue}: {@code concurrency} threads take jobs from a {@link WorkerBackend}, run
 * the handler, and finish each job in the same step that takes the next one (one round trip per job on Redis).
 * Idle threads share one blocking wait; a maintenance thread renews locks every half lock duration and looks
 * for stalled jobs every stalled interval. Thread-safe.
 */
public final class QueueWorker implements Worker {

    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(2);

    private final WorkerBackend backend;
    private final JobHandler handler;
    private final WorkerOptions options;
    private final WorkerEvents events;
    private final String workerId = UUID.randomUUID().toString();
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, String> locks = new ConcurrentHashMap<>();
    /** Jobs whose outcome is being stored: a renewal that finds their lock gone raced the finish, not a stall. */
    private final Set<String> finishing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final IdleGate gate = new IdleGate();
    private final IdleGate pauses = new IdleGate();
    private final List<Thread> slots = new ArrayList<>();
    private final ScheduledExecutorService maintenance;
    private volatile boolean paused;
    private volatile boolean closing;
    private volatile boolean abandoned;

    private QueueWorker(WorkerBackend backend, JobHandler handler, WorkerOptions options, String threadName) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.options = Objects.requireNonNull(options, "options");
        this.events = new WorkerEvents(options.listeners());
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, threadName + "-maintenance"));
        for (int i = 0; i < options.concurrency(); i++) {
            slots.add(daemon(this::runSlot, threadName + "-" + i));
        }
    }

    /**
     * Creates and starts a worker.
     *
     * @param backend the queue's backend
     * @param handler the job handler
     * @param options worker settings
     * @param threadName prefix of the worker's thread names
     * @return the running worker
     */
    public static QueueWorker start(WorkerBackend backend, JobHandler handler, WorkerOptions options,
            String threadName) {
        QueueWorker worker = new QueueWorker(backend, handler, options, threadName);
        long renewEvery = Math.max(50, options.lockDuration().toMillis() / 2);
        worker.maintenance.scheduleWithFixedDelay(worker::renewLocks, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        worker.maintenance.scheduleWithFixedDelay(worker::checkStalled, 0, options.stalledInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        worker.slots.forEach(Thread::start);
        return worker;
    }

    @Override
    public void pause() {
        paused = true;
        wakeIdle();
    }

    @Override
    public void resume() {
        paused = false;
        pauses.wakeAll();
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public int activeCount() {
        return running.get();
    }

    @Override
    public boolean close(Duration timeout) {
        closing = true;
        wakeIdle();
        pauses.wakeAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished = true;
        for (Thread slot : slots) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(slot, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished &= !slot.isAlive();
        }
        abandoned = !finished;
        maintenance.shutdownNow();
        if (finished) {
            backend.close();
        }
        return finished;
    }

    private void wakeIdle() {
        gate.wakeAll();
        backend.wakeUp();
    }

    private void runSlot() {
        ActiveJob next = null;
        long errors = 0;
        while (!closing || next != null) {
            try {
                if (next == null) {
                    if (paused) {
                        pauses.sleep(Duration.ofSeconds(1));
                        continue;
                    }
                    Claim claim = backend.moveToActive(newToken());
                    if (claim.job() == null) {
                        idle(claim);
                        continue;
                    }
                    next = claim.job();
                }
                next = process(next);
                errors = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                events.error(e);
                errors++;
                if (!backOff(errors)) {
                    return;
                }
            }
        }
    }

    private void idle(Claim claim) throws InterruptedException {
        if (claim.rateLimitedFor().compareTo(Duration.ZERO) > 0) {
            gate.sleep(min(claim.rateLimitedFor(), MAX_RATE_LIMIT_WAIT));
            return;
        }
        Duration timeout = options.drainDelay();
        if (claim.nextDelayedAt() != null) {
            Duration untilDue = Duration.between(Instant.now(), claim.nextDelayedAt());
            timeout = min(max(untilDue, Duration.ofMillis(1)), timeout);
        }
        gate.await(backend, timeout);
    }

    /** Runs one job and finishes it; returns the next job when the backend handed one over. */
    private ActiveJob process(ActiveJob active) {
        locks.put(active.id(), active.lockToken());
        running.incrementAndGet();
        RunningJob job = new RunningJob(active, backend, events);
        String returnValue = null;
        Throwable error = null;
        try {
            if (active.refusal() != null) {
                throw new UnrecoverableJobException(active.refusal());
            }
            returnValue = JobOutcomes.toJson(handler.process(job));
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vm && !(t instanceof StackOverflowError)) {
                throw vm;
            }
            error = t;
        }
        finishing.add(active.id());
        try {
            boolean fetchNext = !closing && !paused;
            String nextToken = newToken();
            Claim next;
            if (error == null) {
                String result = returnValue;
                next = finish(active, () -> backend.complete(active, result, fetchNext, nextToken));
                if (next != null) {
                    events.completed(job, returnValue);
                }
            } else {
                JobFailure failure = failureOf(active, error);
                next = finish(active, () -> backend.fail(active, failure, fetchNext, nextToken));
                if (next != null) {
                    events.failed(job, error, failure.willRetry());
                }
            }
            return next == null ? null : next.job();
        } finally {
            locks.remove(active.id());
            finishing.remove(active.id());
            running.decrementAndGet();
        }
    }

    /** Calls the backend until the outcome is stored; {@code null} when the lock was lost. */
    private Claim finish(ActiveJob active, Supplier<Claim> step) {
        for (long attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (JobLockLostException lost) {
                events.error(lost);
                return null;
            } catch (RuntimeException e) {
                events.error(new IllegalStateException("could not store the outcome of job " + active.id()
                        + " (attempt " + attempt + "); retrying", e));
                if (!backOff(attempt)) {
                    return null;
                }
            }
        }
    }

    private JobFailure failureOf(ActiveJob active, Throwable error) {
        String reason = JobOutcomes.message(error);
        String stack = JobOutcomes.stackTrace(error);
        boolean finalFailure = error instanceof UnrecoverableJobException
                || active.attemptsMade() + 1 >= active.options().attempts();
        if (finalFailure) {
            return new JobFailure(reason, stack, null);
        }
        Duration delay = active.options().backoff()
                .map(b -> b.delayAfter(active.attemptsMade() + 1))
                .orElse(Duration.ZERO);
        return new JobFailure(reason, stack, delay);
    }

    /** Sleeps after an infrastructure error; {@code false} when the worker gave up (closed past its timeout). */
    private boolean backOff(long attempt) {
        if (abandoned) {
            return false;
        }
        long millis = Math.min(MAX_ERROR_BACKOFF.toMillis(), 50L << Math.min(attempt, 10));
        try {
            gate.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !abandoned;
    }

    private void renewLocks() {
        if (locks.isEmpty()) {
            return;
        }
        try {
            for (String id : backend.extendLocks(Map.copyOf(locks), options.lockDuration())) {
                if (locks.containsKey(id) && !finishing.contains(id)) {
                    events.error(new JobLockLostException(id, "lock renewal failed"));
                }
            }
        } catch (RuntimeException e) {
            events.error(e);
        }
    }

    private void checkStalled() {
        try {
            backend.recoverStalled(options.maxStalledCount(), options.stalledInterval()).forEach(events::stalled);
        } catch (RuntimeException e) {
            events.error(e);
        }
    }

    private String newToken() {
        return workerId + ":" + tokens.incrementAndGet();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public String toString() {
        return "QueueWorker{id=" + workerId + ", concurrency=" + options.concurrency() + ", active=" + running.get()
                + ", paused=" + paused + ", closing=" + closing + '}';
    }
}
