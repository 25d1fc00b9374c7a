package io.github.foundryagents.core.chat;

import java.util.Locale;

/**
 * Who wrote a chat message.
 */
public enum ChatRole {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The end user. */
    USER,
    /** The model, possibly asking for tool calls. */
    ASSISTANT,
    /** The result of a tool call, answering one {@link ToolCall#id()}. */
    TOOL;

    /** @return the role as Azure spells it: {@code system}, {@code user}, {@code assistant}, {@code tool} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param wireName the role as Azure spells it
     * @return the role
     * @throws IllegalArgumentException for an unknown role
     */
    public static ChatRole fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
