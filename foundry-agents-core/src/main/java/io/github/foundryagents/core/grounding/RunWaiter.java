package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one run until it ends or needs tool outputs, with a {@link WaitStrategy}: reads the event stream when
 * streaming, otherwise polls, taking polls from the strategy's budget; gives up at the deadline. Tells the polling
 * strategy how long each run took, streamed or polled, so adaptive polling learns. Thread-safe; one instance per
 * agent.
 */
final class RunWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(RunWaiter.class);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "foundry-agents-stream-deadline");
        t.setDaemon(true);
        return t;
    });

    private final AgentServiceTransport transport;
    private final WaitStrategy strategy;
    private final String agentKey;
    private final Ticker ticker;

    /**
     * @param transport the wire
     * @param strategy how to wait
     * @param agentKey what learning strategies learn under: the agent's name and deployment
     * @param ticker the clock deadlines and poll intervals are measured on, and slept on
     */
    RunWaiter(AgentServiceTransport transport, WaitStrategy strategy, String agentKey, Ticker ticker) {
        this.transport = transport;
        this.strategy = strategy;
        this.agentKey = agentKey;
        this.ticker = ticker;
    }

    /** @return whether runs should be started with {@code "stream": true} */
    boolean streams() {
        return strategy instanceof WaitStrategy.Streaming;
    }

    /**
     * @param stream what {@link AgentServiceTransport#startRun} or {@code submitToolOutputs} returned
     * @param conversationId the conversation
     * @param deadlineNanos deadline on the ticker ({@link System#nanoTime()})
     * @param notifier told of each status
     * @return the run when terminal or requiring action
     * @throws DeadlineReached when the deadline passed first
     */
    RunSnapshot follow(RunEventStream stream, String conversationId, long deadlineNanos, StatusNotifier notifier) {
        Progress progress = new Progress(ticker.nanoTime());
        RunSnapshot last = streams() ? readStream(stream, deadlineNanos, notifier, progress)
                : firstOf(stream, notifier, progress);
        if (!needsUs(last)) {
            last = poll(conversationId, last, progress, deadlineNanos, notifier);
        }
        polling().observed(agentKey, Duration.ofNanos(progress.lastRunning - progress.started),
                Duration.ofNanos(progress.ended - progress.started));
        return last;
    }

    private RunSnapshot firstOf(RunEventStream stream, StatusNotifier notifier, Progress progress) {
        try (stream) {
            RunSnapshot first = stream.next();
            if (first == null) {
                throw new FoundryException("The Agent Service created a run but returned no run object");
            }
            notifier.seen(first);
            long now = ticker.nanoTime();
            progress.saw(first, now, now);
            return first;
        }
    }

    private RunSnapshot readStream(RunEventStream stream, long deadlineNanos, StatusNotifier notifier,
            Progress progress) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            stream.close(); // wakes the blocked read below
        }, Math.max(0, deadlineNanos - ticker.nanoTime()), TimeUnit.NANOSECONDS);
        RunSnapshot last = null;
        try (stream) {
            RunSnapshot s;
            while ((s = stream.next()) != null) {
                last = s.answer() == null && last != null && last.id().equals(s.id()) ? s.withAnswer(last.answer()) : s;
                notifier.seen(last);
                long now = ticker.nanoTime();
                // an event arrives as the run changes: it tells when the run ended, where a poll only bounds it
                progress.saw(last, now, now);
                if (needsUs(last)) {
                    progress.lastRunning = now;
                    return last;
                }
            }
            LOG.debug("run event stream ended before the run did; polling {}", last == null ? "?" : last.id());
        } catch (RuntimeException e) {
            if (timedOut.get()) {
                throw new DeadlineReached();
            }
            if (!(e instanceof FoundryConnectionException) || Thread.currentThread().isInterrupted()) {
                throw e; // an interrupted read is the caller cancelling, not a broken stream
            }
            if (last == null) {
                throw e;
            }
            LOG.info("The event stream of run {} broke ({}); following it by polling", last.id(), e.getMessage());
        } finally {
            watchdog.cancel(false);
        }
        if (timedOut.get()) {
            throw new DeadlineReached();
        }
        if (last == null) {
            throw new FoundryException("The Agent Service's run event stream ended before it named the run");
        }
        return last;
    }

    private RunSnapshot poll(String conversationId, RunSnapshot last, Progress progress, long deadlineNanos,
            StatusNotifier notifier) {
        WaitStrategy.PollingStrategy polling = polling();
        WaitStrategy.PollSchedule schedule = polling.schedule(agentKey);
        RunSnapshot current = last;
        for (int polls = 0; ; polls++) {
            long delay = schedule.nextDelay(polls, Duration.ofNanos(ticker.nanoTime() - progress.started)).toNanos();
            try {
                if (ticker.nanoTime() + delay - deadlineNanos > 0) {
                    ticker.sleepNanos(deadlineNanos - ticker.nanoTime());
                    throw new DeadlineReached();
                }
                ticker.sleepNanos(delay);
                PollBudget budget = polling.budget();
                if (budget != null && !budget.acquire(deadlineNanos)) {
                    ticker.sleepNanos(deadlineNanos - ticker.nanoTime());
                    throw new DeadlineReached();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FoundryException("Interrupted while waiting for run " + current.id(), e);
            }
            long asked = ticker.nanoTime();
            current = transport.getRun(conversationId, current.id());
            progress.saw(current, asked, ticker.nanoTime());
            notifier.seen(current);
            if (needsUs(current)) {
                return current;
            }
        }
    }

    private WaitStrategy.PollingStrategy polling() {
        return strategy instanceof WaitStrategy.Streaming s ? s.fallback() : (WaitStrategy.PollingStrategy) strategy;
    }

    private static boolean needsUs(RunSnapshot run) {
        return run.status().isTerminal() || run.status() == RunStatus.REQUIRES_ACTION;
    }

    /** When one run (or its continuation after tool outputs) started, was last seen in progress, and ended. */
    private static final class Progress {
        private final long started;
        private long lastRunning;
        private long ended;

        Progress(long started) {
            this.started = started;
            this.lastRunning = started;
        }

        /** A status asked for at {@code asked} and answered at {@code answered}: the run had it in between. */
        void saw(RunSnapshot run, long asked, long answered) {
            if (needsUs(run)) {
                ended = answered;
            } else {
                lastRunning = asked;
            }
        }
    }
}
