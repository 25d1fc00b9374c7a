package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.agent.AgentException.RunState;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One run of an {@link Agent}: ask the model, run the tools it asks for, send their results back, until it answers
 * or a limit stops it. Holds the run's state; used by one thread, once.
 */
final class AgentLoop {

    private final Agent agent;
    private final RunOptions options;
    private final RunDeadline deadline;
    private final ToolBatch tools;
    private final List<ChatMessage> transcript = new ArrayList<>();
    private final Set<String> deployments = new LinkedHashSet<>();
    private TokenUsage usage = TokenUsage.ZERO;
    private int iterations;

    AgentLoop(Agent agent, RunOptions options) {
        this.agent = agent;
        this.options = options;
        this.deadline = RunDeadline.after(agent.timeout().orElse(null));
        this.tools = new ToolBatch(agent.tools(), agent.executor(), agent.toolTimeout(), agent.listeners());
    }

    AgentResult run(String userMessage, String context) {
        transcript.add(ChatMessage.system(agent.systemPrompt(context)));
        transcript.add(ChatMessage.user(userMessage));
        List<ToolCall> calls = List.of();
        for (int turn = 1; turn <= agent.maxIterations(); turn++) {
            List<ChatMessage> messages = List.copyOf(transcript);
            agent.listeners().onTurnStarted(turn, messages);
            checkNotStopped("before turn " + turn);
            ChatResponse response = ask(turn, messages);
            calls = response.toolCalls();
            if (response.finishReason() == FinishReason.STOP || calls.isEmpty()) {
                AgentResult result = new AgentResult(response.content().orElse(""), transcript, usage, iterations,
                        List.copyOf(deployments));
                agent.listeners().onFinished(result);
                return result;
            }
            if (turn == agent.maxIterations()) {
                break;
            }
            failOnUnknownTools(calls);
            checkNotStopped("before running the tools of turn " + turn);
            runTools(turn, calls);
        }
        throw new AgentLimitExceededException(agent.maxIterations(), names(calls), state());
    }

    private ChatResponse ask(int turn, List<ChatMessage> messages) {
        ChatResponse response;
        try {
            response = agent.client().chat(agent.turnRequest(messages, deadline, options));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AgentCancelledException("while waiting for the model on turn " + turn, e, state());
            }
            throw e;
        }
        iterations = turn;
        usage = usage.plus(response.usage());
        deployments.add(response.deployment());
        transcript.add(response.toMessage());
        return response;
    }

    private void failOnUnknownTools(List<ToolCall> calls) {
        if (agent.unknownToolPolicy() == UnknownToolPolicy.FAIL) {
            for (ToolCall call : calls) {
                if (agent.tools().find(call.name()).isEmpty()) {
                    throw new UnknownToolException(call.name(), agent.tools().names(), state());
                }
            }
        }
    }

    private void runTools(int turn, List<ToolCall> calls) {
        List<ToolCallResult> results;
        try {
            results = tools.run(turn, calls, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentCancelledException("while running the tools of turn " + turn + " (" + names(calls)
                    + "); they were interrupted", e, state());
        } catch (TimeoutException e) {
            throw new AgentTimeoutException(deadline.timeout().orElseThrow(), "while running the tools of turn "
                    + turn + " (" + names(calls) + "); they were interrupted", state());
        }
        results.forEach(r -> transcript.add(ChatMessage.tool(r.call().id(), r.content())));
    }

    private void checkNotStopped(String when) {
        if (Thread.currentThread().isInterrupted()) {
            throw new AgentCancelledException(when, null, state());
        }
        if (deadline.passed()) {
            throw new AgentTimeoutException(deadline.timeout().orElseThrow(), when, state());
        }
    }

    private RunState state() {
        return new RunState(transcript, iterations, usage);
    }

    private static String names(List<ToolCall> calls) {
        return calls.stream().map(ToolCall::name).collect(Collectors.joining(", "));
    }
}
