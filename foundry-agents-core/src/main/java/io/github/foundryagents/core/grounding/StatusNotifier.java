package io.github.foundryagents.core.grounding;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners about status changes of one ask, once per change. Not thread-safe; one per ask.
 */
final class StatusNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifier.class);

    private final List<RunListener> listeners;
    private RunSnapshot last;

    StatusNotifier(List<RunListener> listeners) {
        this.listeners = listeners;
    }

    void seen(RunSnapshot run) {
        boolean same = last != null && run.id().equals(last.id()) && run.status() == last.status();
        last = run;
        if (same) {
            return;
        }
        for (RunListener listener : listeners) {
            try {
                listener.onStatus(run.id(), run.status());
            } catch (RuntimeException e) {
                LOG.warn("A RunListener failed on run {} status {}; ignored: {}", run.id(), run.status(), e.toString());
            }
        }
    }

    /** @return the latest snapshot seen, or {@code null} before the run was created */
    RunSnapshot last() {
        return last;
    }

    /** @return the latest status seen, or {@code null} */
    RunStatus lastStatus() {
        return last == null ? null : last.status();
    }
}
