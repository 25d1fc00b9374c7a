package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.tools.ToolArgumentsException;
import io.github.foundryagents.core.tools.ToolErrors;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the function calls a run asks for and turns each result, or failure, into the output sent back. Stateless
 * apart from the executor; thread-safe when it is.
 */
final class ToolRounds {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRounds.class);

    private final FunctionToolExecutor executor;
    private final int maxRounds;

    ToolRounds(FunctionToolExecutor executor, int maxRounds) {
        this.executor = executor;
        this.maxRounds = maxRounds;
    }

    int maxRounds() {
        return maxRounds;
    }

    boolean configured() {
        return executor != null;
    }

    /**
     * @param calls the calls the run waits for
     * @return one output per call, in order; a failing tool yields {@link ToolErrors#message} so the model can react
     */
    List<ToolOutput> run(List<ToolCall> calls) {
        List<ToolOutput> outputs = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            String output;
            try {
                output = executor.execute(call);
            } catch (ToolArgumentsException e) {
                output = ToolErrors.message(ToolErrors.INVALID_ARGUMENTS, e.getMessage());
            } catch (RuntimeException e) {
                LOG.info("Function tool {} failed; the error goes back to the agent: {}", call.name(), e.toString());
                output = ToolErrors.message(ToolErrors.TOOL_FAILED, "tool '" + call.name() + "' failed: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            }
            outputs.add(new ToolOutput(call.id(), output == null ? "" : output));
        }
        return outputs;
    }
}
