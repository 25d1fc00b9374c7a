package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ToolCall;
import java.util.List;

/**
 * Follows an agent run, for progress reports, logging and tests. Every callback runs on the thread that called
 * {@link Agent#run}, in order; a callback that throws is logged and ignored, so a listener cannot break a run.
 * An agent serving concurrent runs calls its listeners from each run's thread: such listeners must be thread-safe.
 * All methods do nothing by default.
 */
public interface AgentListener {

    /**
     * A turn is about to ask the model.
     *
     * @param iteration the turn, from 1
     * @param messages the conversation sent in this turn
     */
    default void onTurnStarted(int iteration, List<ChatMessage> messages) {
    }

    /**
     * The model asked for a tool call; it is about to run.
     *
     * @param iteration the turn that asked for it
     * @param call the call
     */
    default void onToolCall(int iteration, ToolCall call) {
    }

    /**
     * A tool call ended (in completion order; the transcript keeps the calls' order).
     *
     * @param iteration the turn that asked for it
     * @param result how it ended and what the model will read
     */
    default void onToolResult(int iteration, ToolCallResult result) {
    }

    /**
     * The model gave its final answer.
     *
     * @param result the run's result
     */
    default void onFinished(AgentResult result) {
    }
}
