package io.github.foundryagents.testkit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request a step of a {@link ScriptedConversation} answers, with the tool results it carries.
 *
 * @param turn the step, from 1
 * @param request the request as the fake received it
 */
public record ConversationTurn(int turn, RecordedRequest request) {

    /** @return the results of the model's previous tool calls, in the order sent */
    public List<ToolResultMessage> toolResults() {
        return request.toolResults();
    }

    /**
     * @param toolName a function name
     * @return the content of the first result answering a call of that function
     * @throws IllegalStateException when the request holds no result for it, naming the ones it holds
     */
    public String toolResult(String toolName) {
        return toolResults().stream().filter(r -> toolName.equals(r.toolName())).findFirst()
                .map(ToolResultMessage::content)
                .orElseThrow(() -> new IllegalStateException("turn " + turn + " has no result for tool '" + toolName
                        + "'; it has results for: " + toolResults().stream().map(ToolResultMessage::toolName)
                                .collect(Collectors.joining(", "))));
    }
}
