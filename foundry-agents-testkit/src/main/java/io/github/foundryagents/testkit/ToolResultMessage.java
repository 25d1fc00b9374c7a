package io.github.foundryagents.testkit;

/**
 * A tool result a client sent back to the fake: one {@code {"role":"tool"}} message.
 *
 * @param toolCallId the {@code tool_call_id} it answers
 * @param toolName the function name of that call, from the assistant message that made it ({@code null} when the
 *     request does not contain that call)
 * @param content the message's content, as sent
 */
public record ToolResultMessage(String toolCallId, String toolName, String content) {
}
