package io.github.foundryagents.core.tasks;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a worker's events to its listeners; a listener that throws is logged and does not disturb the
 * worker or the other listeners. Thread-safe.
 */
final class WorkerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerEvents.class);

    private final List<WorkerListener> listeners;

    WorkerEvents(List<WorkerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void completed(Job job, String returnValueJson) {
        each(l -> l.onCompleted(job, returnValueJson));
    }

    void failed(Job job, Throwable error, boolean willRetry) {
        each(l -> l.onFailed(job, error, willRetry));
    }

    void progress(Job job, String progressJson) {
        each(l -> l.onProgress(job, progressJson));
    }

    void stalled(String jobId) {
        LOG.warn("Job {} stalled (its worker stopped renewing the lock) and was moved back to wait", jobId);
        each(l -> l.onStalled(jobId));
    }

    void error(Throwable error) {
        if (listeners.isEmpty()) {
            LOG.warn("Worker error: {}", JobOutcomes.message(error), error);
        }
        each(l -> l.onError(error));
    }

    private void each(Consumer<WorkerListener> event) {
        for (WorkerListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Worker listener {} threw; ignored", listener.getClass().getName(), e);
            }
        }
    }
}
