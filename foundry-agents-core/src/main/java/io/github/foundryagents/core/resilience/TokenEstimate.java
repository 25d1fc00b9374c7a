package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;

/**
 * Estimates a chat request's prompt tokens before sending it, the way OpenAI documents counting them for chat
 * models: about four characters per token, three tokens of framing per message and three to prime the reply.
 * Azure's rate limiter estimates from the character count too, so this tracks what it charges; the pacer
 * corrects the estimate with each answer's reported {@code prompt_tokens}. Stateless.
 */
public final class TokenEstimate {

    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private TokenEstimate() {
    }

    /**
     * @param request a chat request
     * @return its estimated prompt tokens, at least 1
     */
    public static long promptTokens(ChatRequest request) {
        long tokens = REPLY_PRIMING;
        for (ChatMessage m : request.messages()) {
            tokens += PER_MESSAGE + text(m.content());
            for (ToolCall call : m.toolCalls()) {
                tokens += text(call.name()) + text(call.arguments());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            tokens += text(tool.name()) + text(tool.description()) + text(tool.parametersJson());
        }
        return Math.max(1, tokens);
    }

    /**
     * @param text some text, may be {@code null}
     * @return its estimated tokens: characters / 4, rounded up
     */
    public static long text(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
