package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.agent.ToolCallResult.Outcome;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.tools.ToolArgumentsException;
import io.github.foundryagents.core.tools.ToolErrors;
import io.github.foundryagents.core.tools.ToolExecutionException;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.tools.ToolRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tool calls of one turn in parallel on the executor, each with its own timeout counted from when it
 * starts running, and turns every outcome (result, bad arguments, exception, timeout, unknown tool) into the tool
 * message the model reads. The waiting thread reacts to a completion, a start, a per-tool timeout, the run's
 * deadline and its own interruption. Used by one run at a time.
 */
final class ToolBatch {

    private static final Logger LOG = LoggerFactory.getLogger(ToolBatch.class);
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final ToolRegistry registry;
    private final ExecutorService executor;
    private final Duration toolTimeout;
    private final AgentListener listener;

    ToolBatch(ToolRegistry registry, ExecutorService executor, Duration toolTimeout, AgentListener listener) {
        this.registry = registry;
        this.executor = executor;
        this.toolTimeout = toolTimeout;
        this.listener = listener;
    }

    /**
     * @param iteration the turn that asked for the calls
     * @param calls the calls, every name registered or to be answered as unknown
     * @param deadline the run's deadline
     * @return one result per call, in the calls' order
     * @throws InterruptedException when the waiting thread is interrupted; running tools are interrupted
     * @throws TimeoutException when the run's deadline passes; running tools are interrupted
     */
    List<ToolCallResult> run(int iteration, List<ToolCall> calls, RunDeadline deadline)
            throws InterruptedException, TimeoutException {
        BlockingQueue<Slot> signals = new LinkedBlockingQueue<>();
        List<Slot> slots = new ArrayList<>();
        try {
            for (ToolCall call : calls) {
                listener.onToolCall(iteration, call);
                Slot slot = new Slot(call);
                slots.add(slot);
                ToolFunction tool = registry.find(call.name()).orElse(null);
                if (tool == null) {
                    finish(iteration, slot, Outcome.UNKNOWN_TOOL, "There is no tool named '" + call.name()
                            + "'. Available tools: " + String.join(", ", registry.names()) + ".");
                } else {
                    start(slot, tool, signals);
                }
            }
            await(iteration, slots, signals, deadline);
        } catch (InterruptedException | TimeoutException | RuntimeException | Error e) {
            slots.forEach(Slot::cancel);
            throw e;
        }
        return slots.stream().map(s -> s.result).toList();
    }

    private void start(Slot slot, ToolFunction tool, BlockingQueue<Slot> signals) {
        slot.task = new FutureTask<>(() -> {
            try {
                return tool.call(slot.call.arguments());
            } finally {
                slot.endedAt = System.nanoTime();
            }
        });
        try {
            executor.execute(() -> {
                slot.startedAt = System.nanoTime();
                signals.add(slot);
                slot.task.run();
                signals.add(slot);
            });
        } catch (RejectedExecutionException e) {
            throw new FoundryException("The agent's tool executor refused to run tool '" + slot.call.name()
                    + "'; was it shut down? Pass a running executor to the agent builder or use the default.", e);
        }
    }

    private void await(int iteration, List<Slot> slots, BlockingQueue<Slot> signals, RunDeadline deadline)
            throws InterruptedException, TimeoutException {
        long timeoutNanos = toolTimeout.toNanos();
        while (true) {
            long now = System.nanoTime();
            long wait = deadline.remainingNanos();
            boolean open = false;
            for (Slot slot : slots) {
                if (slot.result != null) {
                    continue;
                }
                long started = slot.startedAt;
                if (slot.task.isDone()) {
                    complete(iteration, slot);
                } else if (started != NOT_STARTED && now - started >= timeoutNanos) {
                    slot.task.cancel(true);
                    finish(iteration, slot, Outcome.TIMED_OUT, "Tool '" + slot.call.name() + "' did not finish"
                            + " within " + Durations.text(toolTimeout) + " and was stopped. Try a narrower request"
                            + " or another approach.");
                } else {
                    open = true;
                    if (started != NOT_STARTED) {
                        wait = Math.min(wait, started + timeoutNanos - now);
                    }
                }
            }
            if (!open) {
                return;
            }
            if (deadline.passed()) {
                throw new TimeoutException();
            }
            signals.poll(wait, TimeUnit.NANOSECONDS);
        }
    }

    private void complete(int iteration, Slot slot) {
        try {
            finish(iteration, slot, Outcome.SUCCESS, slot.task.get());
        } catch (InterruptedException e) {
            // get() does not wait on a done task, so this cannot happen; keep the flag if it ever does
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading a finished tool call", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            } else if (cause instanceof ToolArgumentsException bad) {
                finish(iteration, slot, Outcome.INVALID_ARGUMENTS, bad.getMessage());
            } else {
                ToolExecutionException failed = cause instanceof ToolExecutionException t ? t
                        : ToolExecutionException.thrownBy(slot.call.name(), cause);
                LOG.warn("Tool '{}' (call {}) failed; the model is told: {}", slot.call.name(), slot.call.id(),
                        failed.getMessage(), failed.getCause());
                finish(iteration, slot, Outcome.FAILED, failed.getMessage());
            }
        }
    }

    private void finish(int iteration, Slot slot, Outcome outcome, String text) {
        String content = outcome == Outcome.SUCCESS ? text : ToolErrors.message(outcome.code(), text);
        if (outcome == Outcome.TIMED_OUT) {
            LOG.warn("Tool '{}' (call {}) timed out after {}", slot.call.name(), slot.call.id(),
                    Durations.text(toolTimeout));
        }
        slot.result = new ToolCallResult(slot.call, outcome, content, slot.elapsed());
        listener.onToolResult(iteration, slot.result);
    }

    /** One call's state; fields written by the worker are volatile, the rest only by the waiting thread. */
    private static final class Slot {
        final ToolCall call;
        FutureTask<String> task;
        volatile long startedAt = NOT_STARTED;
        volatile long endedAt = NOT_STARTED;
        ToolCallResult result;

        Slot(ToolCall call) {
            this.call = call;
        }

        Duration elapsed() {
            long start = startedAt;
            if (start == NOT_STARTED) {
                return Duration.ZERO;
            }
            long end = endedAt;
            return Duration.ofNanos((end == NOT_STARTED ? System.nanoTime() : end) - start);
        }

        void cancel() {
            if (task != null) {
                task.cancel(true);
            }
        }
    }
}
