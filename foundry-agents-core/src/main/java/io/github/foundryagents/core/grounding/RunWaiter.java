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
 * streaming, otherwise polls, taking polls from the strategy's budget; gives up at the deadline. Thread-safe; one
 * instance per agent.
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

    RunWaiter(AgentServiceTransport transport, WaitStrategy strategy) {
        this.transport = transport;
        this.strategy = strategy;
    }

    /** @return whether runs should be started with {@code "stream": true} */
    boolean streams() {
        return strategy instanceof WaitStrategy.Streaming;
    }

    /**
     * @param stream what {@link AgentServiceTransport#startRun} or {@code submitToolOutputs} returned
     * @param conversationId the conversation
     * @param deadlineNanos {@link System#nanoTime()} deadline
     * @param notifier told of each status
     * @return the run when terminal or requiring action
     * @throws DeadlineReached when the deadline passed first
     */
    RunSnapshot follow(RunEventStream stream, String conversationId, long deadlineNanos, StatusNotifier notifier) {
        long started = System.nanoTime();
        RunSnapshot last = streams() ? readStream(stream, deadlineNanos, notifier) : firstOf(stream, notifier);
        if (last.status().isTerminal() || last.status() == RunStatus.REQUIRES_ACTION) {
            return last;
        }
        return poll(conversationId, last, started, deadlineNanos, notifier);
    }

    /**
     * @param runDuration how long a finished run took, for strategies that learn from it
     */
    void finished(Duration runDuration) {
        polling().finished(runDuration);
    }

    private RunSnapshot firstOf(RunEventStream stream, StatusNotifier notifier) {
        try (stream) {
            RunSnapshot first = stream.next();
            if (first == null) {
                throw new FoundryException("The Agent Service created a run but returned no run object");
            }
            notifier.seen(first);
            return first;
        }
    }

    private RunSnapshot readStream(RunEventStream stream, long deadlineNanos, StatusNotifier notifier) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            stream.close(); // wakes the blocked read below
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        RunSnapshot last = null;
        try (stream) {
            RunSnapshot s;
            while ((s = stream.next()) != null) {
                last = s.answer() == null && last != null && last.id().equals(s.id()) ? s.withAnswer(last.answer()) : s;
                notifier.seen(last);
                if (last.status().isTerminal() || last.status() == RunStatus.REQUIRES_ACTION) {
                    return last;
                }
            }
            LOG.debug("run event stream ended before the run did; polling {}", last == null ? "?" : last.id());
        } catch (RuntimeException e) {
            if (timedOut.get()) {
                throw new DeadlineReached();
            }
            if (!(e instanceof FoundryConnectionException)) {
                throw e;
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

    private RunSnapshot poll(String conversationId, RunSnapshot last, long started, long deadlineNanos,
            StatusNotifier notifier) {
        WaitStrategy.PollingStrategy polling = polling();
        RunSnapshot current = last;
        for (int polls = 0; ; polls++) {
            long delay = polling.nextDelay(polls, Duration.ofNanos(System.nanoTime() - started)).toNanos();
            try {
                if (System.nanoTime() + delay - deadlineNanos > 0) {
                    sleepNanos(deadlineNanos - System.nanoTime());
                    throw new DeadlineReached();
                }
                sleepNanos(delay);
                PollBudget budget = polling.budget();
                if (budget != null && !budget.acquire(deadlineNanos)) {
                    sleepNanos(deadlineNanos - System.nanoTime());
                    throw new DeadlineReached();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FoundryException("Interrupted while waiting for run " + current.id(), e);
            }
            current = transport.getRun(conversationId, current.id());
            notifier.seen(current);
            if (current.status().isTerminal() || current.status() == RunStatus.REQUIRES_ACTION) {
                return current;
            }
        }
    }

    private WaitStrategy.PollingStrategy polling() {
        return strategy instanceof WaitStrategy.Streaming s ? s.fallback() : (WaitStrategy.PollingStrategy) strategy;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
