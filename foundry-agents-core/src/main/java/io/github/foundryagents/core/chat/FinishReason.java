package io.github.foundryagents.core.chat;

/**
 * Why the model stopped generating.
 */
public enum FinishReason {
    /** It finished its answer or hit a stop sequence. */
    STOP,
    /** It hit {@code max_tokens}; the answer is cut short. */
    LENGTH,
    /** It asks for tool calls. */
    TOOL_CALLS,
    /** Azure's content filter removed the output. */
    CONTENT_FILTER,
    /** Absent or a value this version does not know. */
    UNKNOWN;

    /**
     * @param wire Azure's {@code finish_reason}, may be {@code null}
     * @return the matching reason, {@link #UNKNOWN} when absent or unrecognised
     */
    public static FinishReason fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        return switch (wire) {
            case "stop" -> STOP;
            case "length" -> LENGTH;
            case "tool_calls", "function_call" -> TOOL_CALLS;
            case "content_filter" -> CONTENT_FILTER;
            default -> UNKNOWN;
        };
    }
}
