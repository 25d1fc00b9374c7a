package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.List;

/**
 * The function tools a grounded agent may call: their definitions go to the agent when it is created, and each
 * call the run requests ({@code requires_action} / {@code function_call}) comes back here. A tool registry plugs
 * in through this interface. Implementations must be thread-safe.
 */
public interface FunctionToolExecutor {

    /** @return the tools to declare on the agent */
    List<ToolDefinition> definitions();

    /**
     * @param call the call the run asked for
     * @return the tool's output, usually JSON, sent back to the run
     * @throws RuntimeException when the tool fails; the agent sends the error back to the run as the output so
     *     the model can recover, as the tool-calling loop does
     */
    String execute(ToolCall call);
}
