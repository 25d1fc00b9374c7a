package io.github.foundryagents.core;

import io.github.foundryagents.core.config.Deployments;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link AgentClient#complete(String, CompletionOptions)}: the TypeScript guidance's
 * {@code generateCompletion} defaults, as an immutable value.
 */
public final class CompletionOptions {

    /** Default {@code maxTokens}: {@value}. */
    public static final int DEFAULT_MAX_TOKENS = 1000;
    /** Default temperature: {@value}. */
    public static final double DEFAULT_TEMPERATURE = 0.7;

    private static final CompletionOptions DEFAULTS = builder().build();

    private final String systemPrompt;
    private final String deployment;
    private final int maxTokens;
    private final double temperature;
    private final String userId;

    private CompletionOptions(Builder b) {
        this.systemPrompt = b.systemPrompt;
        this.deployment = b.deployment;
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.userId = b.userId;
    }

    /** @return the defaults: no system prompt, alias {@code gpt4-mini}, 1000 tokens, temperature 0.7 */
    public static CompletionOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the system prompt, if any */
    public Optional<String> systemPrompt() {
        return Optional.ofNullable(systemPrompt);
    }

    /** @return the alias or deployment name; default {@value Deployments#GPT4_MINI} */
    public String deployment() {
        return deployment;
    }

    /** @return the cap on generated tokens; default {@value #DEFAULT_MAX_TOKENS} */
    public int maxTokens() {
        return maxTokens;
    }

    /** @return the sampling temperature; default {@value #DEFAULT_TEMPERATURE} */
    public double temperature() {
        return temperature;
    }

    /** @return the caller for quotas and usage records, if any */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * Builds {@link CompletionOptions}. Not thread-safe.
     */
    public static final class Builder {
        private String systemPrompt;
        private String deployment = Deployments.GPT4_MINI;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private double temperature = DEFAULT_TEMPERATURE;
        private String userId;

        private Builder() {
        }

        /**
         * @param systemPrompt instructions sent before the prompt
         * @return this builder
         */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * @param aliasOrName {@code gpt4}, {@code gpt4-mini}, or a deployment name
         * @return this builder
         */
        public Builder deployment(String aliasOrName) {
            this.deployment = Objects.requireNonNull(aliasOrName, "aliasOrName");
            return this;
        }

        /**
         * @param maxTokens a positive cap on generated tokens (checked when the call is made)
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * @param temperature 0..2 (checked when the call is made)
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * @param userId the caller for quotas and usage records
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** @return the options */
        public CompletionOptions build() {
            return new CompletionOptions(this);
        }
    }
}
