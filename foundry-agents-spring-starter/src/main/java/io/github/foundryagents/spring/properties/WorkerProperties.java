package io.github.foundryagents.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.worker.*}: the worker that runs queued tasks inside this application.
 *
 * @param enabled run a worker in this application (off: another process runs the tasks)
 * @param concurrency tasks run at the same time
 * @param limiter the queue-wide rate limit of task starts
 * @param closeTimeout how long shutdown waits for running tasks
 */
public record WorkerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5") int concurrency,
        @DefaultValue Limiter limiter,
        @DefaultValue("30s") Duration closeTimeout) {

    /**
     * The rate limit of task starts, shared by every worker of the queue.
     *
     * @param enabled limit the rate at all
     * @param max tasks started per window
     * @param duration the window
     */
    public record Limiter(@DefaultValue("true") boolean enabled, @DefaultValue("10") int max,
            @DefaultValue("1m") Duration duration) {
    }
}
