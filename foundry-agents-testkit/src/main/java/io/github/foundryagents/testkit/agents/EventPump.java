package io.github.foundryagents.testkit.agents;

import io.github.foundryagents.testkit.FakeExchange;
import java.io.IOException;
import java.util.List;

/**
 * Writes a run's events to a stream as they happen, until one ends the segment or the run ended. Stateless.
 */
final class EventPump {

    private static final long WAIT_MILLIS = 60_000;

    private EventPump() {
    }

    /**
     * @param run the run
     * @param from index of the first event to write
     * @param stream where to write
     * @throws IOException when the client went away (e.g. it cancelled at a deadline)
     */
    static void pump(FakeRun run, int from, FakeExchange.EventStream stream) throws IOException {
        pump(run, from, stream, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #pump(FakeRun, int, FakeExchange.EventStream)}, but stops after {@code limit} events, as a dropped
     * connection would.
     */
    static void pump(FakeRun run, int from, FakeExchange.EventStream stream, int limit) throws IOException {
        int next = from;
        int written = 0;
        try {
            while (true) {
                List<SseEvent> events = run.eventsAfter(next, WAIT_MILLIS);
                for (SseEvent e : events) {
                    if (written++ == limit) {
                        return;
                    }
                    if (e.name() != null) {
                        stream.send(e.name(), e.data());
                    }
                    next++;
                    if (e.endsSegment()) {
                        return;
                    }
                }
                if (events.isEmpty() && run.isEnded()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
