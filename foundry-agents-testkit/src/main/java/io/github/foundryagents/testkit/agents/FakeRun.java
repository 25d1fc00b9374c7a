package io.github.foundryagents.testkit.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The life of one fake run or response, independent of the wire format: queued, in progress, possibly paused for
 * a function tool, then the scripted end; or cancelling and cancelled when asked. A {@link Renderer} turns each
 * change into the generation's events as it happens. Thread-safe: every change and read holds the run's lock.
 */
final class FakeRun {

    /** The changes a run goes through. */
    enum Change { CREATED, STARTED, REQUIRES_ACTION, RESUMED, ENDED, CANCELLING }

    /** Renders a change of the run into the events of one service generation; called under the run's lock. */
    interface Renderer {
        List<SseEvent> render(FakeRun run, Change change);
    }

    private static final double QUEUED_SHARE = 0.05;
    private static final double TOOL_SHARE = 0.5;

    private final String id;
    private final String conversationId;
    private final RunScript script;
    private final FakeAnswer answer;
    private final boolean continuation;
    private final boolean pauseEnds;
    private final long realNanos;
    private final ScheduledExecutorService clock;
    private final Renderer renderer;
    private final List<SseEvent> events = new ArrayList<>();
    private final Instant createdAt = Instant.now();
    private String status = "queued";
    private Instant startedAt;
    private Instant endedAt;
    private String toolCallId;
    private int roundsAsked;
    private List<String> toolOutputs = List.of();
    private ScheduledFuture<?> pending;

    /**
     * @param continuation whether this run continues after tool outputs (a new response on the Responses API):
     *     it skips the tool call and takes the second half of the duration
     * @param pauseEnds whether asking for a tool ends the run (Responses API: a completed response with a
     *     {@code function_call} item) instead of pausing it ({@code requires_action})
     */
    FakeRun(String id, String conversationId, RunScript script, FakeAnswer answer, boolean continuation,
            boolean pauseEnds, Duration realDuration, ScheduledExecutorService clock, Renderer renderer) {
        this.id = id;
        this.conversationId = conversationId;
        this.script = script;
        this.answer = answer;
        this.continuation = continuation;
        this.pauseEnds = pauseEnds;
        this.realNanos = Math.max(1, realDuration.toNanos());
        this.clock = clock;
        this.renderer = renderer;
    }

    synchronized void start() {
        emit(Change.CREATED);
        schedule(() -> advance(Change.STARTED), QUEUED_SHARE);
    }

    /**
     * @param outputs the submitted tool outputs
     * @return whether the run was waiting for them
     */
    synchronized boolean submit(List<String> outputs) {
        if (!status.equals("requires_action")) {
            return false;
        }
        toolOutputs = List.copyOf(outputs);
        status = "in_progress";
        emit(Change.RESUMED);
        schedule(roundsAsked < script.toolRounds() ? this::pause : this::end, 1 - TOOL_SHARE); // classic: again?
        return true;
    }

    /** @return whether a cancel was accepted (the run had not ended) */
    synchronized boolean cancel() {
        if (isEnded() || status.equals("cancelling")) {
            return !isEnded();
        }
        if (pending != null) {
            pending.cancel(false);
        }
        status = "cancelling";
        emit(Change.CANCELLING);
        schedule(() -> finish("cancelled"), 0.01);
        return true;
    }

    /**
     * Waits until the run has events beyond {@code from}, or it ended, or the wait is over.
     *
     * @return the events after {@code from}, possibly none
     */
    synchronized List<SseEvent> eventsAfter(int from, long maxWaitMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + maxWaitMillis;
        while (events.size() <= from && !isEnded()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    synchronized int eventCount() {
        return events.size();
    }

    private void advance(Change change) {
        synchronized (this) {
            if (isEnded() || status.equals("cancelling")) {
                return;
            }
            status = "in_progress";
            startedAt = Instant.now();
            emit(change);
            boolean pause = roundsAsked < script.toolRounds();
            double endShare = continuation ? TOOL_SHARE : 1;
            schedule(pause ? this::pause : this::end, (pause ? TOOL_SHARE : endShare) - QUEUED_SHARE);
        }
    }

    private synchronized void pause() {
        if (status.equals("in_progress")) {
            roundsAsked++;
            toolCallId = "call_" + id.substring(id.indexOf('_') + 1) + (roundsAsked > 1 ? "_" + roundsAsked : "");
            status = pauseEnds ? "completed" : "requires_action";
            endedAt = pauseEnds ? Instant.now() : null;
            emit(Change.REQUIRES_ACTION);
        }
    }

    /**
     * Sets the tool outputs a continuation answers with; before {@link #start()}.
     *
     * @param outputs the outputs the client sent
     */
    synchronized void resumeWith(List<String> outputs) {
        toolOutputs = List.copyOf(outputs);
    }

    /** Ends the run as cancelled at once (the Responses API has no {@code cancelling} state). */
    synchronized void cancelNow() {
        if (!isEnded()) {
            if (pending != null) {
                pending.cancel(false);
            }
            finish("cancelled");
        }
    }

    private synchronized void end() {
        if (!status.equals("in_progress")) {
            return;
        }
        finish(switch (script.outcome()) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            case INCOMPLETE -> "incomplete";
            case CANCELLED -> "cancelled";
            case OTHER -> script.status();
        });
    }

    private synchronized void finish(String finalStatus) {
        status = finalStatus;
        endedAt = Instant.now();
        emit(Change.ENDED);
    }

    private void emit(Change change) {
        events.addAll(renderer.render(this, change));
        notifyAll();
    }

    private void schedule(Runnable step, double shareOfDuration) {
        pending = clock.schedule(step, (long) (realNanos * Math.max(0, shareOfDuration)), TimeUnit.NANOSECONDS);
    }

    synchronized boolean isEnded() {
        return endedAt != null;
    }

    String id() {
        return id;
    }

    String conversationId() {
        return conversationId;
    }

    RunScript script() {
        return script;
    }

    FakeAnswer answer() {
        return answer;
    }

    boolean continuation() {
        return continuation;
    }

    synchronized String status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized Instant endedAt() {
        return endedAt;
    }

    synchronized String toolCallId() {
        return toolCallId;
    }

    synchronized List<String> toolOutputs() {
        return toolOutputs;
    }
}
