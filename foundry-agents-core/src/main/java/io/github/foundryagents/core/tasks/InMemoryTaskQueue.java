package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TaskQueue} in this process's memory, with the same ordering, retry and retention rules as the Redis
 * queue. <strong>Not durable:</strong> jobs vanish when the process ends, and a job whose worker is closed past
 * its timeout stays active; use it for tests and single-process apps that can lose queued work. Thread-safe.
 */
public final class InMemoryTaskQueue implements TaskQueue {

    private final String name;
    private final int maxPayloadBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAdded = lock.newCondition();
    private final Map<String, MemoryJob> jobs = new HashMap<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    private final TreeSet<MemoryJob> prioritized = new TreeSet<>(
            Comparator.comparingInt((MemoryJob j) -> j.priority).thenComparingLong(j -> j.sequence));
    private final TreeSet<MemoryJob> delayed = new TreeSet<>(
            Comparator.comparing((MemoryJob j) -> j.dueAt).thenComparingLong(j -> j.sequence));
    private final Deque<MemoryJob> completed = new ArrayDeque<>();
    private final Deque<MemoryJob> failed = new ArrayDeque<>();
    private long idCounter;
    private long sequence;
    private long wakeUps;
    private Instant limiterWindowEnd = Instant.EPOCH;
    private int limiterCount;

    /**
     * @param name the queue's name
     */
    public InMemoryTaskQueue(String name) {
        this(name, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /**
     * @param name the queue's name
     * @param maxPayloadBytes the largest job data accepted, in UTF-8 bytes
     */
    public InMemoryTaskQueue(String name, int maxPayloadBytes) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String add(NewJob job) {
        JobPayloadTooLargeException.check(job, maxPayloadBytes);
        lock.lock();
        try {
            idCounter++;
            String id = job.options().jobId().orElse(Long.toString(idCounter));
            if (jobs.containsKey(id)) {
                return id;
            }
            MemoryJob m = new MemoryJob(id, job, Instant.now(), ++sequence);
            jobs.put(id, m);
            if (job.options().delay().isZero()) {
                enqueueReady(m, job.options().lifo());
            } else {
                delay(m, m.createdAt.plus(job.options().delay()));
            }
            return id;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> addBulk(List<NewJob> batch) {
        batch.forEach(j -> JobPayloadTooLargeException.check(j, maxPayloadBytes));
        List<String> ids = new ArrayList<>(batch.size());
        batch.forEach(j -> ids.add(add(j)));
        return ids;
    }

    @Override
    public Optional<JobSnapshot> getJob(String id) {
        lock.lock();
        try {
            return Optional.ofNullable(jobs.get(id)).map(MemoryJob::snapshot);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Worker createWorker(JobHandler handler, WorkerOptions options) {
        return QueueWorker.start(new Backend(options.limiter().orElse(null)), handler, options, "tasks-" + name);
    }

    @Override
    public void close() {
        wakeUp();
    }

    private Claim take(String lockToken, RateLimit rateLimit) {
        lock.lock();
        try {
            Instant now = Instant.now();
            promoteDue(now);
            if (rateLimit != null) {
                if (now.isAfter(limiterWindowEnd)) {
                    limiterWindowEnd = now.plus(rateLimit.duration());
                    limiterCount = 0;
                }
                if (limiterCount >= rateLimit.max()) {
                    return new Claim(null, Duration.between(now, limiterWindowEnd), null);
                }
            }
            String id = waiting.pollFirst();
            MemoryJob m = id != null ? jobs.get(id) : prioritized.pollFirst();
            if (m == null) {
                return new Claim(null, Duration.ZERO, delayed.isEmpty() ? null : delayed.first().dueAt);
            }
            if (rateLimit != null) {
                limiterCount++;
            }
            m.start(lockToken, now);
            return Claim.of(m.active());
        } finally {
            lock.unlock();
        }
    }

    private void complete(ActiveJob job, String returnValueJson) {
        lock.lock();
        try {
            MemoryJob m = owned(job);
            m.returnValue = returnValueJson;
            finish(m, JobState.COMPLETED, completed, m.options.removeOnComplete());
        } finally {
            lock.unlock();
        }
    }

    private void fail(ActiveJob job, JobFailure failure) {
        lock.lock();
        try {
            MemoryJob m = owned(job);
            m.failedReason = failure.reason();
            if (!failure.willRetry()) {
                finish(m, JobState.FAILED, failed, m.options.removeOnFail());
                return;
            }
            m.attemptsMade++;
            m.lockToken = null;
            if (failure.retryDelay().isZero()) {
                enqueueReady(m, m.options.lifo());
            } else {
                delay(m, Instant.now().plus(failure.retryDelay()));
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork(Duration timeout) {
        lock.lock();
        try {
            long seen = wakeUps;
            long nanos = timeout.toNanos();
            while (seen == wakeUps && nanos > 0 && waiting.isEmpty() && prioritized.isEmpty()
                    && (delayed.isEmpty() || delayed.first().dueAt.isAfter(Instant.now()))) {
                nanos = workAdded.awaitNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void wakeUp() {
        lock.lock();
        try {
            wakeUps++;
            workAdded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void updateProgress(String jobId, String progressJson) {
        lock.lock();
        try {
            MemoryJob m = jobs.get(jobId);
            if (m != null) {
                m.progress = progressJson;
            }
        } finally {
            lock.unlock();
        }
    }

    private MemoryJob owned(ActiveJob job) {
        MemoryJob m = jobs.get(job.id());
        if (m == null || m.state != JobState.ACTIVE || !Objects.equals(m.lockToken, job.lockToken())) {
            throw new JobLockLostException(job.id(), "the job is no longer active with this worker's lock");
        }
        return m;
    }

    private void enqueueReady(MemoryJob m, boolean lifo) {
        m.sequence = ++sequence;
        if (m.priority > 0) {
            m.state = JobState.PRIORITIZED;
            prioritized.add(m);
        } else {
            m.state = JobState.WAITING;
            if (lifo) {
                waiting.addFirst(m.id);
            } else {
                waiting.addLast(m.id);
            }
        }
        workAdded.signalAll();
    }

    private void delay(MemoryJob m, Instant dueAt) {
        m.dueAt = dueAt;
        m.sequence = ++sequence;
        m.state = JobState.DELAYED;
        delayed.add(m);
        workAdded.signalAll();
    }

    private void promoteDue(Instant now) {
        while (!delayed.isEmpty() && !delayed.first().dueAt.isAfter(now)) {
            enqueueReady(delayed.pollFirst(), false);
        }
    }

    private void finish(MemoryJob m, JobState state, Deque<MemoryJob> set, KeepJobs keep) {
        Instant now = Instant.now();
        m.attemptsMade++;
        m.state = state;
        m.finishedOn = now;
        m.lockToken = null;
        if (keep.count() == 0) {
            jobs.remove(m.id);
            return;
        }
        set.addLast(m);
        keep.age().ifPresent(age -> {
            Instant oldest = now.minus(age);
            set.removeIf(j -> {
                boolean old = j.finishedOn.isBefore(oldest);
                if (old) {
                    jobs.remove(j.id);
                }
                return old;
            });
        });
        while (keep.count() > 0 && set.size() > keep.count()) {
            jobs.remove(set.pollFirst().id);
        }
    }

    /**
     * What a worker of this queue runs on. The rate limit's counter is the queue's, shared by all workers, as in
     * BullMQ. Locks cannot be lost and workers cannot crash without the queue in one process, so lock renewal and
     * the stalled check have nothing to do.
     */
    private final class Backend implements WorkerBackend {
        private final RateLimit rateLimit;

        Backend(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
        }

        @Override
        public Claim moveToActive(String lockToken) {
            return take(lockToken, rateLimit);
        }

        @Override
        public Claim complete(ActiveJob job, String returnValueJson, boolean fetchNext, String nextLockToken) {
            InMemoryTaskQueue.this.complete(job, returnValueJson);
            return fetchNext ? moveToActive(nextLockToken) : Claim.NONE;
        }

        @Override
        public Claim fail(ActiveJob job, JobFailure failure, boolean fetchNext, String nextLockToken) {
            InMemoryTaskQueue.this.fail(job, failure);
            return fetchNext ? moveToActive(nextLockToken) : Claim.NONE;
        }

        @Override
        public void awaitWork(Duration timeout) {
            InMemoryTaskQueue.this.awaitWork(timeout);
        }

        @Override
        public void wakeUp() {
            InMemoryTaskQueue.this.wakeUp();
        }

        @Override
        public List<String> extendLocks(Map<String, String> lockTokensByJobId, Duration lockDuration) {
            return List.of();
        }

        @Override
        public Collection<String> recoverStalled(int maxStalledCount, Duration interval) {
            return List.of();
        }

        @Override
        public void updateProgress(String jobId, String progressJson) {
            InMemoryTaskQueue.this.updateProgress(jobId, progressJson);
        }
    }
}
