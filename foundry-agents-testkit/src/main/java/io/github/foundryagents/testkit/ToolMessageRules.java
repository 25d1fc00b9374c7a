package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ordering rules Azure OpenAI enforces on tool messages, with its 400 texts: every {@code tool_calls} id of an
 * assistant message must be answered by the {@code tool} messages right after it, and a {@code tool} message must
 * answer a call of the assistant message before it. Stateless.
 */
final class ToolMessageRules {

    static final String UNANSWERED = "An assistant message with 'tool_calls' must be followed by tool messages"
            + " responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ";
    static final String ORPHAN = "Invalid parameter: messages with role 'tool' must be a response to a preceeding"
            + " message with 'tool_calls'.";

    private ToolMessageRules() {
    }

    /**
     * @param messages a chat request's messages
     * @return the violation as Azure reports it, or {@code null} when the messages are well formed
     */
    static Violation check(JsonNode messages) {
        Set<String> open = new LinkedHashSet<>();
        int openedAt = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText();
            if ("tool".equals(role)) {
                if (!open.remove(m.path("tool_call_id").asText())) {
                    return new Violation(ORPHAN, "messages.[" + i + "].role");
                }
                continue;
            }
            if (!open.isEmpty()) {
                return new Violation(UNANSWERED + String.join(", ", open), "messages.[" + openedAt + "].role");
            }
            if ("assistant".equals(role)) {
                m.path("tool_calls").forEach(c -> open.add(c.path("id").asText()));
                openedAt = i;
            }
        }
        return open.isEmpty() ? null
                : new Violation(UNANSWERED + String.join(", ", open), "messages.[" + openedAt + "].role");
    }

    /**
     * @param message Azure's error message
     * @param param the offending message, as Azure names it
     */
    record Violation(String message, String param) {
    }
}
