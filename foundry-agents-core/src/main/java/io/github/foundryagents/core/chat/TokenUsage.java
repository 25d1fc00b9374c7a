package io.github.foundryagents.core.chat;

/**
 * Tokens a call consumed, as Azure reports them.
 *
 * @param promptTokens tokens in the request (input)
 * @param completionTokens tokens the model generated (output)
 * @param totalTokens their sum, as reported
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

    /** No tokens. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    /**
     * @param other usage to add
     * @return the component-wise sum
     */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens);
    }
}
