package io.github.foundryagents.core.tasks;

import java.time.Instant;

/**
 * The {@link Job} a handler sees: the stored job plus a progress reporter. Thread-safe.
 */
final class RunningJob implements Job {

    private final ActiveJob job;
    private final WorkerBackend backend;
    private final WorkerEvents events;

    RunningJob(ActiveJob job, WorkerBackend backend, WorkerEvents events) {
        this.job = job;
        this.backend = backend;
        this.events = events;
    }

    @Override
    public String id() {
        return job.id();
    }

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public String dataJson() {
        return job.dataJson();
    }

    @Override
    public int attemptsMade() {
        return job.attemptsMade();
    }

    @Override
    public int attemptsStarted() {
        return job.attemptsStarted();
    }

    @Override
    public Instant createdAt() {
        return job.createdAt();
    }

    @Override
    public JobOptions options() {
        return job.options();
    }

    @Override
    public void updateProgress(Object progress) {
        String json = JobOutcomes.toJson(progress);
        backend.updateProgress(job.id(), json);
        events.progress(this, json);
    }

    @Override
    public String toString() {
        return "Job{id=" + job.id() + ", name=" + job.name() + ", attemptsMade=" + job.attemptsMade() + '}';
    }
}
