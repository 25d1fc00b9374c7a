package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the task worker inside the application: started with the context, closed gracefully (running tasks get
 * {@code close-timeout} to finish) before the beans it uses are destroyed.
 */
public final class TaskWorkerLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWorkerLifecycle.class);

    private final AgentTaskService tasks;
    private final WorkerOptions options;
    private final Duration closeTimeout;
    private volatile Worker worker;

    /**
     * @param tasks the task service whose jobs to run
     * @param options concurrency and rate limit
     * @param closeTimeout how long shutdown waits for running tasks
     */
    public TaskWorkerLifecycle(AgentTaskService tasks, WorkerOptions options, Duration closeTimeout) {
        this.tasks = tasks;
        this.options = options;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = tasks.startWorker(options);
            LOG.info("Task worker started: concurrency {}, rate limit {}", options.concurrency(),
                    options.limiter().map(l -> l.max() + " per " + l.duration()).orElse("none"));
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            if (!worker.close(closeTimeout)) {
                LOG.warn("Task worker stopped with tasks still running after {}; a durable queue hands them to"
                        + " another worker", closeTimeout);
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** @return the running worker, or {@code null} when stopped */
    public Worker worker() {
        return worker;
    }
}
