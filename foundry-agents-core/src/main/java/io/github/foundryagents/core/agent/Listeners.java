package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ToolCall;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's listeners as one: a listener that throws is logged and skipped so it cannot break the run.
 * Immutable.
 */
final class Listeners implements AgentListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<AgentListener> listeners;

    Listeners(List<AgentListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onTurnStarted(int iteration, List<ChatMessage> messages) {
        each("onTurnStarted", l -> l.onTurnStarted(iteration, messages));
    }

    @Override
    public void onToolCall(int iteration, ToolCall call) {
        each("onToolCall", l -> l.onToolCall(iteration, call));
    }

    @Override
    public void onToolResult(int iteration, ToolCallResult result) {
        each("onToolResult", l -> l.onToolResult(iteration, result));
    }

    @Override
    public void onFinished(AgentResult result) {
        each("onFinished", l -> l.onFinished(result));
    }

    private void each(String event, Consumer<AgentListener> callback) {
        for (AgentListener listener : listeners) {
            try {
                callback.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Agent listener {} failed in {}; the run goes on", listener.getClass().getName(), event, e);
            }
        }
    }
}
