package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fake's token arithmetic: a deterministic approximation of a BPE tokenizer (about four characters per token)
 * plus the per-message overhead OpenAI documents for chat models. Close enough for quota emulation; not exact.
 */
final class TokenCounter {

    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private TokenCounter() {
    }

    static int text(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }

    /**
     * @param body a chat request body
     * @return estimated prompt tokens of its messages and tool definitions
     */
    static int prompt(JsonNode body) {
        int tokens = REPLY_PRIMING;
        for (JsonNode m : body.path("messages")) {
            tokens += PER_MESSAGE + text(m.path("content").isTextual() ? m.path("content").asText()
                    : m.path("content").toString());
            for (JsonNode call : m.path("tool_calls")) {
                tokens += text(call.path("function").path("name").asText())
                        + text(call.path("function").path("arguments").asText());
            }
        }
        if (body.has("tools")) {
            tokens += text(body.get("tools").toString());
        }
        return tokens;
    }
}
