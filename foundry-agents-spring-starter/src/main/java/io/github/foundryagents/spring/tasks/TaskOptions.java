package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.tasks.Backoff;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.spring.properties.QueueProperties;
import io.github.foundryagents.spring.properties.WorkerProperties;

/** Maps the queue and worker properties onto the core's job and worker options. Stateless. */
public final class TaskOptions {

    private TaskOptions() {
    }

    /**
     * @param p the queue properties
     * @return attempts, backoff and retention of every task job
     */
    public static JobOptions jobOptions(QueueProperties p) {
        Backoff backoff = p.backoffType() == QueueProperties.BackoffType.FIXED ? Backoff.fixed(p.backoff())
                : Backoff.exponential(p.backoff());
        return JobOptions.builder().attempts(p.attempts()).backoff(backoff)
                .removeOnComplete(KeepJobs.last(p.keepCompleted())).removeOnFail(KeepJobs.last(p.keepFailed()))
                .build();
    }

    /**
     * @param p the worker properties
     * @return concurrency and rate limit of the worker
     */
    public static WorkerOptions workerOptions(WorkerProperties p) {
        WorkerOptions.Builder b = WorkerOptions.builder().concurrency(p.concurrency());
        if (p.limiter().enabled()) {
            b.limiter(new RateLimit(p.limiter().max(), p.limiter().duration()));
        } else {
            b.noLimiter();
        }
        return b.build();
    }
}
