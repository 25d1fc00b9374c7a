package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.tools.ToolRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * A tool-calling agent: asks the model, runs the tools it calls, sends the results back, and repeats until the
 * model answers.
 *
 * <pre>{@code
 * Agent agent = client.agent()
 *         .tools(ToolRegistry.of(new OrderTools()))
 *         .maxIterations(10)
 *         .build();
 * AgentResult result = agent.run("Which orders of ACME are late?", "The user is an account manager.");
 * result.answer(); result.usage(); result.transcript();
 * }</pre>
 *
 * <ul>
 *   <li>Each turn is one {@link AgentClient#chat} call, so the client's pipeline (retry, pacing, metering...)
 *       applies; every turn offers the tools, so every turn is marked non-cacheable.</li>
 *   <li>The run ends when the model stops ({@code finish_reason: stop}) or asks for no tool call.</li>
 *   <li>The tool calls of one turn run in parallel on the executor, each limited by {@code toolTimeout}.</li>
 *   <li>Malformed or unbindable arguments, a tool that throws, a tool that times out: the model receives a tool
 *       message {@code {"error": ..., "message": ...}} and may repair its call; the run goes on.</li>
 *   <li>An unknown tool name follows the {@link UnknownToolPolicy}; reaching {@code maxIterations} throws
 *       {@link AgentLimitExceededException}; interrupting the calling thread throws
 *       {@link AgentCancelledException}; exceeding {@code timeout} throws {@link AgentTimeoutException}. Each
 *       carries the transcript. Azure errors of a chat call propagate as they are.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: one agent serves concurrent runs, each on its caller's thread.
 */
public final class Agent {

    /**
     * The guidance's system prompt; {@code {context}} is replaced by the run's context (or nothing).
     */
    public static final String DEFAULT_INSTRUCTIONS = "You are a helpful assistant. {context}\n"
            + "Use the available tools when you need to search for data or fetch external information.\n"
            + "Always explain your reasoning before taking actions.";
    /** The placeholder in instructions that the run's context replaces. */
    public static final String CONTEXT_PLACEHOLDER = "{context}";
    /** Default turn limit: {@value}. */
    public static final int DEFAULT_MAX_ITERATIONS = 10;
    /** Default time one tool call may run: 30 seconds. */
    public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

    private final AgentClient client;
    private final String instructions;
    private final ToolRegistry tools;
    private final String deployment;
    private final Double temperature;
    private final Integer maxTokens;
    private final int maxIterations;
    private final Duration toolTimeout;
    private final Duration timeout;
    private final UnknownToolPolicy unknownToolPolicy;
    private final ExecutorService executor;
    private final Listeners listeners;

    private Agent(Builder b) {
        this.client = b.client;
        this.instructions = b.instructions;
        this.tools = b.tools;
        this.deployment = b.deployment;
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.maxIterations = b.maxIterations;
        this.toolTimeout = b.toolTimeout;
        this.timeout = b.timeout;
        this.unknownToolPolicy = b.unknownToolPolicy;
        this.executor = b.executor != null ? b.executor : SharedToolExecutor.get();
        this.listeners = new Listeners(b.listeners);
    }

    /**
     * @param client the client whose pipeline every turn goes through
     * @return a builder; {@link AgentClient#agent()} is the usual way to get one
     */
    public static Builder builder(AgentClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /**
     * Runs the agent without extra context.
     *
     * @param userMessage what the user asks
     * @return the answer, transcript, usage, turns and deployments
     */
    public AgentResult run(String userMessage) {
        return run(userMessage, null);
    }

    /**
     * Runs the agent on the calling thread.
     *
     * @param userMessage what the user asks
     * @param context text for the system prompt's {@value #CONTEXT_PLACEHOLDER}, may be {@code null}
     * @return the answer, transcript, usage, turns and deployments
     * @throws AgentLimitExceededException when the model still calls tools after {@code maxIterations} turns
     * @throws UnknownToolException when the model calls an unregistered tool under {@link UnknownToolPolicy#FAIL}
     * @throws AgentCancelledException when the calling thread is interrupted
     * @throws AgentTimeoutException when the run exceeds {@code timeout}
     * @throws io.github.foundryagents.core.FoundryException when a chat call fails
     */
    public AgentResult run(String userMessage, String context) {
        return run(userMessage, context, RunOptions.none());
    }

    /**
     * Runs the agent on the calling thread on behalf of a user: every turn counts against that user's monthly
     * quota and usage records, at the given pacing priority.
     *
     * @param userMessage what the user asks
     * @param context text for the system prompt's {@value #CONTEXT_PLACEHOLDER}, may be {@code null}
     * @param options the user and priority
     * @return the answer, transcript, usage, turns and deployments
     * @throws AgentLimitExceededException when the model still calls tools after {@code maxIterations} turns
     * @throws UnknownToolException when the model calls an unregistered tool under {@link UnknownToolPolicy#FAIL}
     * @throws AgentCancelledException when the calling thread is interrupted
     * @throws AgentTimeoutException when the run exceeds {@code timeout}
     * @throws io.github.foundryagents.core.FoundryException when a chat call fails
     */
    public AgentResult run(String userMessage, String context, RunOptions options) {
        Objects.requireNonNull(userMessage, "userMessage");
        return new AgentLoop(this, Objects.requireNonNull(options, "options")).run(userMessage, context);
    }

    /** @return the tools offered to the model */
    public ToolRegistry tools() {
        return tools;
    }

    @Override
    public String toString() {
        return "Agent{deployment=" + deployment + ", tools=" + tools.names() + ", maxIterations=" + maxIterations
                + ", toolTimeout=" + toolTimeout + ", timeout=" + timeout + ", unknownToolPolicy=" + unknownToolPolicy
                + '}';
    }

    String systemPrompt(String context) {
        String ctx = context == null ? "" : context.strip();
        String prompt = instructions.contains(CONTEXT_PLACEHOLDER) ? instructions.replace(CONTEXT_PLACEHOLDER, ctx)
                : ctx.isEmpty() ? instructions : instructions + "\n\n" + ctx;
        return prompt.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    ChatRequest turnRequest(List<ChatMessage> messages, RunDeadline deadline, RunOptions options) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(messages)
                .userId(options.userId())
                .priority(options.priority())
                .deployment(deployment)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .cacheable(false)
                .timeout(deadline.timeout().isPresent() ? Duration.ofNanos(Math.max(1, deadline.remainingNanos()))
                        : null);
        if (!tools.isEmpty()) {
            request.tools(tools.definitions()).toolChoice("auto");
        }
        return request.build();
    }

    AgentClient client() {
        return client;
    }

    int maxIterations() {
        return maxIterations;
    }

    Duration toolTimeout() {
        return toolTimeout;
    }

    Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    UnknownToolPolicy unknownToolPolicy() {
        return unknownToolPolicy;
    }

    ExecutorService executor() {
        return executor;
    }

    AgentListener listeners() {
        return listeners;
    }

    /**
     * Builds an {@link Agent}. Not thread-safe.
     */
    public static final class Builder {
        private final AgentClient client;
        private String instructions = DEFAULT_INSTRUCTIONS;
        private ToolRegistry tools = ToolRegistry.empty();
        private String deployment = Deployments.GPT4;
        private Double temperature;
        private Integer maxTokens;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private Duration toolTimeout = DEFAULT_TOOL_TIMEOUT;
        private Duration timeout;
        private UnknownToolPolicy unknownToolPolicy = UnknownToolPolicy.FAIL;
        private ExecutorService executor;
        private final List<AgentListener> listeners = new ArrayList<>();

        private Builder(AgentClient client) {
            this.client = client;
        }

        /**
         * @param instructions the system prompt, replacing {@link #DEFAULT_INSTRUCTIONS}; a
         *     {@value #CONTEXT_PLACEHOLDER} in it is replaced by the run's context, otherwise the context (when
         *     given) follows it after a blank line
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = Objects.requireNonNull(instructions, "instructions");
            return this;
        }

        /**
         * @param tools the tools to offer, replacing earlier ones; default none
         * @return this builder
         */
        public Builder tools(ToolRegistry tools) {
            this.tools = Objects.requireNonNull(tools, "tools");
            return this;
        }

        /**
         * @param sources {@link io.github.foundryagents.core.tools.ToolFunction}s, registries, or objects with
         *     {@link io.github.foundryagents.core.tools.Tool}-annotated methods, replacing earlier tools
         * @return this builder
         * @throws io.github.foundryagents.core.tools.ToolRegistrationException when a tool cannot be registered
         */
        public Builder tools(Object... sources) {
            return tools(ToolRegistry.of(sources));
        }

        /**
         * @param deployment the alias or deployment name every turn uses; default {@value Deployments#GPT4} as in
         *     the guidance; {@code null} leaves the choice to the client's router or default
         * @return this builder
         */
        public Builder deployment(String deployment) {
            this.deployment = deployment;
            return this;
        }

        /**
         * @param temperature sampling temperature 0..2 for every turn; default Azure's
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            ChatRequest.builder().temperature(temperature); // the request's own range check, now rather than per turn
            this.temperature = temperature;
            return this;
        }

        /**
         * @param maxTokens cap on generated tokens per turn; default the model's
         * @return this builder
         */
        public Builder maxTokens(Integer maxTokens) {
            ChatRequest.builder().maxTokens(maxTokens); // the request's own check, now rather than per turn
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * @param maxIterations the most turns (chat calls) a run may make; default {@value #DEFAULT_MAX_ITERATIONS}
         * @return this builder
         */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * @param toolTimeout how long one tool call may run, counted from when it starts; then it is interrupted
         *     and the model told. Default 30 s
         * @return this builder
         */
        public Builder toolTimeout(Duration toolTimeout) {
            this.toolTimeout = positive(toolTimeout, "toolTimeout");
            return this;
        }

        /**
         * @param timeout the most a whole run may take, chat calls and tools included; default none. Passed to
         *     every chat call as its remaining time
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout == null ? null : positive(timeout, "timeout");
            return this;
        }

        /**
         * @param policy what to do when the model calls an unregistered tool; default {@link UnknownToolPolicy#FAIL}
         * @return this builder
         */
        public Builder unknownToolPolicy(UnknownToolPolicy policy) {
            this.unknownToolPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param executor where tool calls run; you own it and shut it down. Default: a process-wide pool of at
         *     most 32 daemon threads that end when idle, so nothing needs closing
         * @return this builder
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param listener follows every run; listeners are called in the order added
         * @return this builder
         */
        public Builder listener(AgentListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the agent */
        public Agent build() {
            return new Agent(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
