package io.github.foundryagents.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat completion call: what is sent to the model, plus a few settings that stay in the process and steer
 * the pipeline (caller id for quotas, priority, cache opt-in, timeout).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}, derive with {@link #toBuilder()}.
 */
public final class ChatRequest {

    private final List<ChatMessage> messages;
    private final String deployment;
    private final Double temperature;
    private final Double topP;
    private final Integer maxTokens;
    private final Long seed;
    private final List<String> stop;
    private final List<ToolDefinition> tools;
    private final String toolChoice;
    private final ObjectNode responseFormat;
    private final String userId;
    private final int priority;
    private final Boolean cacheable;
    private final Duration timeout;
    private final Map<Class<?>, Object> tags;

    private ChatRequest(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.deployment = b.deployment;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.seed = b.seed;
        this.stop = List.copyOf(b.stop);
        this.tools = List.copyOf(b.tools);
        this.toolChoice = b.toolChoice;
        this.responseFormat = b.responseFormat == null ? null : b.responseFormat.deepCopy();
        this.userId = b.userId;
        this.priority = b.priority;
        this.cacheable = b.cacheable;
        this.timeout = b.timeout;
        this.tags = Map.copyOf(b.tags);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param userPrompt a single user message
     * @return a request with that message and defaults for everything else
     */
    public static ChatRequest of(String userPrompt) {
        return builder().user(userPrompt).build();
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.deployment = deployment;
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.seed = seed;
        b.stop.addAll(stop);
        b.tools.addAll(tools);
        b.toolChoice = toolChoice;
        b.responseFormat = responseFormat;
        b.userId = userId;
        b.priority = priority;
        b.cacheable = cacheable;
        b.timeout = timeout;
        b.tags.putAll(tags);
        return b;
    }

    /** @return the conversation so far, never empty */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** @return the alias or deployment name to call; empty lets the router or the client default decide */
    public Optional<String> deployment() {
        return Optional.ofNullable(deployment);
    }

    /** @return sampling temperature 0..2, when set */
    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    /** @return nucleus sampling 0..1, when set */
    public Optional<Double> topP() {
        return Optional.ofNullable(topP);
    }

    /** @return the cap on generated tokens, when set; Azure's rate limiter also counts it against the TPM budget */
    public Optional<Integer> maxTokens() {
        return Optional.ofNullable(maxTokens);
    }

    /** @return the sampling seed, when set */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /** @return stop sequences, possibly empty */
    public List<String> stop() {
        return stop;
    }

    /** @return the tools the model may call, possibly empty */
    public List<ToolDefinition> tools() {
        return tools;
    }

    /** @return {@code auto}, {@code none}, {@code required}, or a function name; empty for Azure's default */
    public Optional<String> toolChoice() {
        return Optional.ofNullable(toolChoice);
    }

    /** @return the {@code response_format} object (e.g. {@code {"type":"json_object"}}), when set */
    public Optional<ObjectNode> responseFormat() {
        return Optional.ofNullable(responseFormat).map(ObjectNode::deepCopy);
    }

    /** @return the caller, for quotas and usage records; never sent to Azure */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** @return priority for client-side pacing, lower first; default {@value Priority#STANDARD} */
    public int priority() {
        return priority;
    }

    /** @return the cache opt-in: {@code true}/{@code false} override the client's cache policy; empty defers to it */
    public Optional<Boolean> cacheable() {
        return Optional.ofNullable(cacheable);
    }

    /** @return the overall time allowed for this call including retries, when set; else the retry policy's */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Reads a tag: a typed value interceptors attach to a call to tell later steps something (like OkHttp's
     * request tags). Never sent to Azure.
     *
     * @param type the tag's type, which is also its key
     * @param <T> the tag's type
     * @return the tag, if set
     */
    public <T> Optional<T> tag(Class<T> type) {
        return Optional.ofNullable(type.cast(tags.get(type)));
    }

    @Override
    public String toString() {
        return "ChatRequest{deployment=" + deployment + ", messages=" + messages.size() + ", tools=" + tools.size()
                + ", maxTokens=" + maxTokens + ", temperature=" + temperature + ", priority=" + priority + '}';
    }

    /**
     * Builds a {@link ChatRequest}. Not thread-safe.
     */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private String deployment;
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private Long seed;
        private final List<String> stop = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private String toolChoice;
        private ObjectNode responseFormat;
        private String userId;
        private int priority = Priority.STANDARD;
        private Boolean cacheable;
        private Duration timeout;
        private final Map<Class<?>, Object> tags = new HashMap<>();

        private Builder() {
        }

        /**
         * @param content system instructions to append
         * @return this builder
         */
        public Builder system(String content) {
            return message(ChatMessage.system(content));
        }

        /**
         * @param content a user message to append
         * @return this builder
         */
        public Builder user(String content) {
            return message(ChatMessage.user(content));
        }

        /**
         * @param message a message to append
         * @return this builder
         */
        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * @param messages the whole conversation, replacing what was added before
         * @return this builder
         */
        public Builder messages(List<ChatMessage> messages) {
            this.messages.clear();
            messages.forEach(this::message);
            return this;
        }

        /**
         * @param aliasOrName an alias such as {@code gpt4} or a deployment name; {@code null} lets the router or
         *     the client's default decide
         * @return this builder
         */
        public Builder deployment(String aliasOrName) {
            this.deployment = aliasOrName;
            return this;
        }

        /**
         * @param temperature 0..2; unset uses Azure's default
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            if (temperature != null && (temperature < 0 || temperature > 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /**
         * @param topP 0..1; unset uses Azure's default
         * @return this builder
         */
        public Builder topP(Double topP) {
            if (topP != null && (topP < 0 || topP > 1)) {
                throw new IllegalArgumentException("topP must be between 0 and 1, got " + topP);
            }
            this.topP = topP;
            return this;
        }

        /**
         * @param maxTokens a positive cap on generated tokens; unset lets the model decide
         * @return this builder
         */
        public Builder maxTokens(Integer maxTokens) {
            if (maxTokens != null && maxTokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * @param seed sampling seed for best-effort reproducibility
         * @return this builder
         */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param stop up to four stop sequences, replacing earlier ones
         * @return this builder
         */
        public Builder stop(List<String> stop) {
            this.stop.clear();
            this.stop.addAll(stop);
            return this;
        }

        /**
         * @param tools the tools the model may call, replacing earlier ones
         * @return this builder
         */
        public Builder tools(List<ToolDefinition> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        /**
         * @param toolChoice {@code auto}, {@code none}, {@code required} or a function name
         * @return this builder
         */
        public Builder toolChoice(String toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * @param responseFormat the {@code response_format} object, e.g. {@code {"type":"json_object"}}
         * @return this builder
         */
        public Builder responseFormat(ObjectNode responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /**
         * @param userId who is asking, for quotas and usage records; never sent to Azure
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * @param priority lower goes first when the client paces calls; default {@value Priority#STANDARD}
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = Priority.check(priority);
            return this;
        }

        /**
         * @param cacheable {@code true} to allow caching this call, {@code false} to forbid it, {@code null} to
         *     follow the client's cache policy
         * @return this builder
         */
        public Builder cacheable(Boolean cacheable) {
            this.cacheable = cacheable;
            return this;
        }

        /**
         * @param timeout the overall time allowed including retries and waits; {@code null} for the retry policy's
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Attaches a tag for later pipeline steps, replacing an earlier one of the same type.
         *
         * @param type the tag's type, which is also its key
         * @param value the tag; {@code null} removes it
         * @param <T> the tag's type
         * @return this builder
         */
        public <T> Builder tag(Class<T> type, T value) {
            if (value == null) {
                tags.remove(type);
            } else {
                tags.put(type, type.cast(value));
            }
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when there are no messages
         */
        public ChatRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a chat request needs at least one message");
            }
            return new ChatRequest(this);
        }
    }
}
