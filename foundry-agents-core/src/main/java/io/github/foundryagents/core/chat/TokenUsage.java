package io.github.foundryagents.core.chat;

/**
 * Tokens a call consumed, as Azure reports them.
 *
 * <p>The two details are parts of the counts, not additions to them: {@code cachedPromptTokens} of the prompt
 * tokens were served from the prompt cache (billed at a discount), {@code reasoningTokens} of the completion tokens
 * were the model's hidden reasoning. They are filled where the service reports them: grounded asks on the
 * Responses API ({@code input_tokens_details.cached_tokens}, {@code output_tokens_details.reasoning_tokens}) and on
 * the classic Agent Service when a run carries {@code prompt_tokens_details} / {@code completion_tokens_details};
 * zero otherwise. Usage and task stores and webhook payloads keep the three counts only.
 *
 * @param promptTokens tokens in the request (input)
 * @param completionTokens tokens the model generated (output)
 * @param totalTokens their sum, as reported
 * @param cachedPromptTokens of {@code promptTokens}, those read from the prompt cache; 0 when not reported
 * @param reasoningTokens of {@code completionTokens}, those spent on reasoning; 0 when not reported
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens, long cachedPromptTokens,
        long reasoningTokens) {

    /** No tokens. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    /**
     * Usage without details (none cached, no reasoning reported), as before the details were added.
     *
     * @param promptTokens tokens in the request (input)
     * @param completionTokens tokens the model generated (output)
     * @param totalTokens their sum, as reported
     */
    public TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
        this(promptTokens, completionTokens, totalTokens, 0, 0);
    }

    /**
     * @param other usage to add
     * @return the component-wise sum, details included
     */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens, cachedPromptTokens + other.cachedPromptTokens,
                reasoningTokens + other.reasoningTokens);
    }
}
