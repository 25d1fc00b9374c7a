package io.github.foundryagents.core.tasks;

import java.time.Instant;

/** A job of {@link InMemoryTaskQueue}; guarded by the queue's lock. */
final class MemoryJob {

    final String id;
    final String name;
    final String dataJson;
    final JobOptions options;
    final int priority;
    final Instant createdAt;
    long sequence;
    JobState state;
    Instant dueAt;
    int attemptsMade;
    int attemptsStarted;
    String lockToken;
    String returnValue;
    String failedReason;
    String progress;
    Instant processedOn;
    Instant finishedOn;

    MemoryJob(String id, NewJob job, Instant createdAt, long sequence) {
        this.id = id;
        this.name = job.name();
        this.dataJson = job.dataJson();
        this.options = job.options();
        this.priority = job.options().priority();
        this.createdAt = createdAt;
        this.sequence = sequence;
    }

    void start(String token, Instant now) {
        state = JobState.ACTIVE;
        attemptsStarted++;
        processedOn = now;
        lockToken = token;
    }

    ActiveJob active() {
        return new ActiveJob(id, name, dataJson, options, attemptsMade, attemptsStarted, createdAt, lockToken, null);
    }

    JobSnapshot snapshot() {
        return new JobSnapshot(id, name, dataJson, state, priority, attemptsMade, attemptsStarted, returnValue,
                failedReason, progress, createdAt, processedOn, finishedOn);
    }
}
