package io.github.foundryagents.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation. Immutable; create with the static factories.
 *
 * @param role who wrote it
 * @param content the text; {@code null} for an assistant message that only requests tool calls
 * @param toolCalls the tool calls an assistant message requests; empty otherwise
 * @param toolCallId for {@link ChatRole#TOOL} messages, the id of the call this answers
 */
public record ChatMessage(ChatRole role, String content, List<ToolCall> toolCalls, String toolCallId) {

    /**
     * Validates the components.
     *
     * @param role who wrote it
     * @param content the text; {@code null} for an assistant message that only requests tool calls
     * @param toolCalls the tool calls an assistant message requests; empty otherwise
     * @param toolCallId for {@link ChatRole#TOOL} messages, the id of the call this answers
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (role == ChatRole.TOOL && toolCallId == null) {
            throw new IllegalArgumentException("a tool message must name the tool_call_id it answers");
        }
        if (role != ChatRole.ASSISTANT && content == null) {
            throw new IllegalArgumentException("a " + role.wireName() + " message needs content");
        }
    }

    /**
     * @param content the instructions
     * @return a system message
     */
    public static ChatMessage system(String content) {
        return new ChatMessage(ChatRole.SYSTEM, content, List.of(), null);
    }

    /**
     * @param content what the user said
     * @return a user message
     */
    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content, List.of(), null);
    }

    /**
     * @param content what the model said
     * @return an assistant message
     */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content, List.of(), null);
    }

    /**
     * @param content what the model said alongside the calls, may be {@code null}
     * @param toolCalls the calls it requested
     * @return an assistant message requesting tool calls
     */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(ChatRole.ASSISTANT, content, toolCalls, null);
    }

    /**
     * @param toolCallId the id of the call this answers
     * @param content the tool's result
     * @return a tool message
     */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage(ChatRole.TOOL, content, List.of(), toolCallId);
    }
}
