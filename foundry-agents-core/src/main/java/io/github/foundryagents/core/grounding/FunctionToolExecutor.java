package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.tools.ToolErrors;
import io.github.foundryagents.core.tools.ToolRegistry;
import java.util.List;
import java.util.Objects;

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

    /**
     * Serves function calls from a tool registry, the same tools the tool-calling agent uses. An unknown name
     * answers with an {@code unknown_tool} error for the model; bad arguments with {@code invalid_arguments}.
     *
     * @param registry the tools
     * @return an executor backed by the registry
     */
    static FunctionToolExecutor of(ToolRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new FunctionToolExecutor() {
            @Override
            public List<ToolDefinition> definitions() {
                return registry.definitions();
            }

            @Override
            public String execute(ToolCall call) {
                return registry.find(call.name()).map(tool -> tool.call(call.arguments()))
                        .orElseGet(() -> ToolErrors.message(ToolErrors.UNKNOWN_TOOL, "no tool named '" + call.name()
                                + "'; available: " + registry.names()));
            }
        };
    }
}
