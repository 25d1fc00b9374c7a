package io.github.foundryagents.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's answer to a {@link ChatRequest}, with what the pipeline learned on the way: the deployment that
 * answered and why, token usage, Azure's rate-limit headers and request id, and whether it came from the cache.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChatResponse {

    private final String id;
    private final String content;
    private final List<ToolCall> toolCalls;
    private final FinishReason finishReason;
    private final TokenUsage usage;
    private final String model;
    private final Route route;
    private final RateLimitHeaders rateLimits;
    private final String requestId;
    private final boolean cached;
    private final Cost cost;

    private ChatResponse(Builder b) {
        this.id = b.id;
        this.content = b.content;
        this.toolCalls = List.copyOf(b.toolCalls);
        this.finishReason = Objects.requireNonNull(b.finishReason, "finishReason");
        this.usage = Objects.requireNonNull(b.usage, "usage");
        this.model = b.model;
        this.route = Objects.requireNonNull(b.route, "route");
        this.rateLimits = Objects.requireNonNull(b.rateLimits, "rateLimits");
        this.requestId = b.requestId;
        this.cached = b.cached;
        this.cost = b.cost;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this response's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.content = content;
        b.toolCalls.addAll(toolCalls);
        b.finishReason = finishReason;
        b.usage = usage;
        b.model = model;
        b.route = route;
        b.rateLimits = rateLimits;
        b.requestId = requestId;
        b.cached = cached;
        b.cost = cost;
        return b;
    }

    /** @return Azure's completion id ({@code chatcmpl-...}) */
    public String id() {
        return id;
    }

    /** @return the text of the answer; empty when the model only asked for tool calls */
    public Optional<String> content() {
        return Optional.ofNullable(content);
    }

    /** @return the tool calls the model asks for, possibly empty */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /** @return why generation stopped */
    public FinishReason finishReason() {
        return finishReason;
    }

    /** @return tokens Azure reported for this answer; a cache hit reports the original call's usage */
    public TokenUsage usage() {
        return usage;
    }

    /** @return the model that answered as Azure names it (e.g. {@code gpt-4o-2024-11-20}) */
    public String model() {
        return model;
    }

    /** @return the deployment that answered; shorthand for {@code route().deployment()} */
    public String deployment() {
        return route.deployment();
    }

    /** @return which deployment answered and why it was chosen */
    public Route route() {
        return route;
    }

    /** @return Azure's rate-limit headers on this response */
    public RateLimitHeaders rateLimits() {
        return rateLimits;
    }

    /** @return Azure's request id, for support tickets */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return whether the answer came from the response cache instead of Azure */
    public boolean cached() {
        return cached;
    }

    /**
     * @return what the call cost at list price, when usage metering with a cost table priced its model; a cache
     *     hit carries the original call's cost, like its usage
     */
    public Optional<Cost> cost() {
        return Optional.ofNullable(cost);
    }

    /** @return the answer as an assistant message, ready to append to the conversation */
    public ChatMessage toMessage() {
        return ChatMessage.assistant(content, toolCalls);
    }

    @Override
    public String toString() {
        return "ChatResponse{id=" + id + ", deployment=" + route.deployment() + ", finishReason=" + finishReason
                + ", toolCalls=" + toolCalls.size() + ", usage=" + usage + ", cached=" + cached + '}';
    }

    /**
     * Builds a {@link ChatResponse}; used by transports and interceptors. Not thread-safe.
     */
    public static final class Builder {
        private String id;
        private String content;
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private FinishReason finishReason = FinishReason.UNKNOWN;
        private TokenUsage usage = TokenUsage.ZERO;
        private String model;
        private Route route;
        private RateLimitHeaders rateLimits = RateLimitHeaders.NONE;
        private String requestId;
        private boolean cached;
        private Cost cost;

        private Builder() {
        }

        /**
         * @param id the completion id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param content the answer text, may be {@code null}
         * @return this builder
         */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /**
         * @param toolCalls the requested tool calls, replacing earlier ones
         * @return this builder
         */
        public Builder toolCalls(List<ToolCall> toolCalls) {
            this.toolCalls.clear();
            this.toolCalls.addAll(toolCalls);
            return this;
        }

        /**
         * @param finishReason why generation stopped
         * @return this builder
         */
        public Builder finishReason(FinishReason finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        /**
         * @param usage tokens consumed
         * @return this builder
         */
        public Builder usage(TokenUsage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * @param model the model Azure reports
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * @param route the deployment that answered and why
         * @return this builder
         */
        public Builder route(Route route) {
            this.route = route;
            return this;
        }

        /**
         * @param rateLimits the rate-limit headers
         * @return this builder
         */
        public Builder rateLimits(RateLimitHeaders rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        /**
         * @param requestId Azure's request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * @param cached whether it came from the cache
         * @return this builder
         */
        public Builder cached(boolean cached) {
            this.cached = cached;
            return this;
        }

        /**
         * @param cost what the call cost, may be {@code null}
         * @return this builder
         */
        public Builder cost(Cost cost) {
            this.cost = cost;
            return this;
        }

        /** @return the response */
        public ChatResponse build() {
            return new ChatResponse(this);
        }
    }
}
