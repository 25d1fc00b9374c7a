package io.github.foundryagents.core;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.ChatTransport;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.PathStyle;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.GroundedAgentBuilder;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.github.foundryagents.core.pipeline.ChatPipeline;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.usage.UsageOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The entry point: chat completions over Azure OpenAI through an ordered pipeline of interceptors.
 *
 * <pre>{@code
 * AgentClient client = AgentClient.builder().build();          // reads AZURE_OPENAI_ENDPOINT etc.
 * String answer = client.complete("Summarise our refund policy");
 * ChatResponse r = client.chat(ChatRequest.builder()
 *         .system("You are terse.").user("Hello").deployment("gpt4").build());
 * AgentResult run = client.agent().tools(new OrderTools()).build().run("Which orders are late?");
 * }</pre>
 *
 * <p>Authentication defaults to {@code DefaultAzureCredential} (managed identity on Azure, developer sign-in
 * locally) with the user-assigned identity named by {@code AZURE_CLIENT_ID}; API keys are used only when
 * explicitly configured. Immutable and thread-safe: build one per process and share it.
 */
public final class AgentClient {

    private final FoundryConfig config;
    private final ChatPipeline pipeline;
    private final Supplier<AzureHttp> agentServiceHttp;
    private final UsageMeter usage;
    private final RetryPolicy retryPolicy;

    AgentClient(FoundryConfig config, ChatPipeline pipeline, Supplier<AzureHttp> agentServiceHttp, UsageMeter usage,
            RetryPolicy retryPolicy) {
        this.config = config;
        this.pipeline = pipeline;
        this.agentServiceHttp = agentServiceHttp;
        this.usage = usage;
        this.retryPolicy = retryPolicy;
    }

    /** @return a builder; with nothing set, {@link Builder#build()} reads the environment */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a chat request through the pipeline.
     *
     * @param request the request; a missing deployment means the client's default alias ({@code gpt4-mini})
     * @return the model's answer, naming the deployment that produced it and why
     * @throws FoundryException when Azure refuses or cannot be reached
     */
    public ChatResponse chat(ChatRequest request) {
        return pipeline.execute(Objects.requireNonNull(request, "request"));
    }

    /**
     * Completes a prompt with the defaults of {@link CompletionOptions#defaults()}.
     *
     * @param prompt the user prompt
     * @return the answer's text
     * @throws EmptyResponseException when the model answers without text
     */
    public String complete(String prompt) {
        return complete(prompt, CompletionOptions.defaults());
    }

    /**
     * Completes a prompt: an optional system prompt, then the prompt as the user's message.
     *
     * @param prompt the user prompt
     * @param options system prompt, deployment alias, token cap, temperature, caller
     * @return the answer's text
     * @throws EmptyResponseException when the model answers without text
     */
    public String complete(String prompt, CompletionOptions options) {
        ChatRequest.Builder request = ChatRequest.builder();
        options.systemPrompt().ifPresent(request::system);
        ChatResponse response = chat(request.user(prompt)
                .deployment(options.deployment())
                .maxTokens(options.maxTokens())
                .temperature(options.temperature())
                .userId(options.userId().orElse(null))
                .build());
        return response.content().filter(text -> !text.isEmpty()).orElseThrow(() -> new EmptyResponseException(
                "Deployment '" + response.deployment() + "' answered without text (finish_reason "
                        + response.finishReason().name().toLowerCase(java.util.Locale.ROOT) + ")"
                        + emptyHint(response.finishReason()), response.requestId().orElse(null)));
    }

    /**
     * Starts building a tool-calling agent whose turns go through this client's pipeline.
     *
     * @return an agent builder: instructions, tools, limits, listeners
     */
    public Agent.Builder agent() {
        return Agent.builder(this);
    }

    /**
     * Starts configuring an agent on the Foundry Agent Service, grounded with Bing when configured: project
     * endpoint ({@code PROJECT_ENDPOINT}), model deployment ({@code MODEL_DEPLOYMENT_NAME}) and Bing connection
     * ({@code BING_CONNECTION_ID}) come from this client's configuration; it authenticates with Microsoft Entra ID
     * (scope {@code https://ai.azure.com/.default}), never with an API key.
     *
     * @return a builder whose {@code create()} creates the agent
     */
    public GroundedAgentBuilder groundedAgent() {
        return GroundedAgentBuilder.forClient(config, agentServiceHttp).askRetry(AskRetry.policy(retryPolicy))
                .usage(usage);
    }

    /**
     * @return the usage meter when usage metering is on ({@link Builder#usage(UsageOptions)},
     *     {@link Builder#meterRegistry(MeterRegistry)} or {@link Builder#monthlyTokenLimit(long)}), for usage reports
     */
    public Optional<UsageMeter> usage() {
        return Optional.ofNullable(usage);
    }

    /** @return the configuration this client was built with */
    public FoundryConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "AgentClient{" + config + ", interceptors=" + pipeline.interceptors().size() + '}';
    }

    private static String emptyHint(FinishReason reason) {
        return switch (reason) {
            case LENGTH -> ": the token cap was reached before any text; raise maxTokens";
            case CONTENT_FILTER -> ": Azure's content filter removed the output";
            case TOOL_CALLS -> ": the model asked for tool calls; use client.agent() with tools";
            default -> "";
        };
    }

    /**
     * Builds an {@link AgentClient}. Setter names follow the Azure SDK builders. Not thread-safe.
     *
     * <p>Configuration comes from {@link #config(FoundryConfig)} when given; otherwise from the environment
     * ({@link FoundryConfig#fromEnvironment()}) unless {@link #endpoint(String)} is set, in which case only the
     * values set here and the documented defaults apply.
     */
    public static final class Builder {
        FoundryConfig config;
        boolean endpointSet;
        final List<Consumer<FoundryConfig.Builder>> overrides = new ArrayList<>();
        TokenCredential credential;
        HttpClient httpClient;
        HttpLogOptions httpLogOptions;
        ChatTransport transport;
        final List<ChatInterceptor> interceptors = new ArrayList<>();
        final List<ChatInterceptor> networkInterceptors = new ArrayList<>();
        ModelRouter router;
        SpillOver spillOver;
        ResponseCache cacheStore;
        CacheOptions cacheOptions;
        UsageOptions usageOptions;
        Long monthlyTokenLimit;
        MeterRegistry meterRegistry;
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        PacingOptions pacing = PacingOptions.learning();

        private Builder() {
        }

        /**
         * @param config a complete configuration; setters below override its values
         * @return this builder
         */
        public Builder config(FoundryConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param endpoint {@code https://<resource>.openai.azure.com}; setting it stops the builder from reading
         *     the environment
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            endpointSet = true;
            overrides.add(b -> b.endpoint(endpoint));
            return this;
        }

        /**
         * @param projectEndpoint the Foundry project endpoint for grounded agents,
         *     {@code https://<resource>.services.ai.azure.com/api/projects/<project>}
         * @return this builder
         */
        public Builder projectEndpoint(String projectEndpoint) {
            overrides.add(b -> b.projectEndpoint(projectEndpoint));
            return this;
        }

        /**
         * @param generation the Agent Service API grounded agents use ({@code FOUNDRY_AGENT_SERVICE})
         * @return this builder
         */
        public Builder agentService(io.github.foundryagents.core.config.AgentServiceGeneration generation) {
            overrides.add(b -> b.agentService(generation));
            return this;
        }

        /**
         * @param alias the name code uses, e.g. {@code gpt4}
         * @param deploymentName the Azure deployment it stands for
         * @return this builder
         */
        public Builder deployment(String alias, String deploymentName) {
            overrides.add(b -> b.deployment(alias, deploymentName));
            return this;
        }

        /**
         * @param apiVersion api-version for {@link PathStyle#DEPLOYMENT} calls
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            overrides.add(b -> b.apiVersion(apiVersion));
            return this;
        }

        /**
         * @param pathStyle chat URL form; default {@link PathStyle#V1}
         * @return this builder
         */
        public Builder pathStyle(PathStyle pathStyle) {
            overrides.add(b -> b.pathStyle(pathStyle));
            return this;
        }

        /**
         * @param clientId the user-assigned managed identity's client id for the default credential
         * @return this builder
         */
        public Builder managedIdentityClientId(String clientId) {
            overrides.add(b -> b.managedIdentityClientId(clientId));
            return this;
        }

        /**
         * Authenticates with an API key instead of Microsoft Entra ID: the explicit opt-in. The key is never
         * printed. Prefer managed identity.
         *
         * @param apiKey the Azure OpenAI key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            overrides.add(b -> b.apiKey(apiKey));
            return this;
        }

        /**
         * @param credential the Microsoft Entra ID credential; default {@code DefaultAzureCredential} with the
         *     configured managed identity
         * @return this builder
         */
        public Builder credential(TokenCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /**
         * @param httpClient the azure-core HTTP client (proxy, timeouts, connection pool); default azure-core's
         *     default client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @param logOptions azure-core HTTP logging; credentials are always redacted. Default: the environment's
         *     {@code AZURE_HTTP_LOG_DETAIL_LEVEL}, off when unset
         * @return this builder
         */
        public Builder httpLogOptions(HttpLogOptions logOptions) {
            this.httpLogOptions = Objects.requireNonNull(logOptions, "logOptions");
            return this;
        }

        /**
         * Replaces the Azure OpenAI transport, e.g. to reach another provider or a test double. Credentials and
         * HTTP client settings then do not apply to chat calls.
         *
         * @param transport the end of the pipeline
         * @return this builder
         */
        public Builder transport(ChatTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param retryPolicy how failed attempts are retried; default {@link RetryPolicy#defaults()} (5 retries,
         *     server hints first, 5-minute deadline per call). {@link RetryPolicy#none()} turns retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param pacing client-side TPM/RPM pacing; default {@link PacingOptions#learning()} (on, budgets learned
         *     from Azure's headers). {@link PacingOptions#disabled()} turns it off
         * @return this builder
         */
        public Builder pacing(PacingOptions pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /**
         * Adds an interceptor that runs before the built-in ones: it sees each call once, as the caller made it.
         * Interceptors run in the order added.
         *
         * @param interceptor e.g. logging or redaction
         * @return this builder
         */
        public Builder addInterceptor(ChatInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Adds an interceptor that runs after the built-in ones, right before the transport: it sees every attempt
         * with the deployment resolved.
         *
         * @param interceptor e.g. wire logging
         * @return this builder
         */
        public Builder addNetworkInterceptor(ChatInterceptor interceptor) {
            networkInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Routes requests that name no deployment by their complexity. Off by default: such requests go to the
         * default alias {@code gpt4-mini}.
         *
         * @param router e.g. {@link ModelRouter#defaults()}
         * @return this builder
         */
        public Builder router(ModelRouter router) {
            this.router = Objects.requireNonNull(router, "router");
            return this;
        }

        /**
         * Moves calls to fallback deployments when theirs is saturated (429 with a long wait) or failing (5xx).
         * Off by default.
         *
         * @param spillOver fallback lists and the longest wait to accept
         * @return this builder
         */
        public Builder spillOver(SpillOver spillOver) {
            this.spillOver = Objects.requireNonNull(spillOver, "spillOver");
            return this;
        }

        /**
         * Caches answers in memory (Caffeine) under the given policy. Off by default.
         *
         * @param options what is cached, for how long, how many entries
         * @return this builder
         */
        public Builder cache(CacheOptions options) {
            this.cacheOptions = Objects.requireNonNull(options, "options");
            this.cacheStore = null;
            return this;
        }

        /**
         * Caches answers in the given store under the default policy ({@link CacheOptions#defaults()}).
         *
         * @param store e.g. a shared Redis cache
         * @return this builder
         */
        public Builder cache(ResponseCache store) {
            return cache(store, CacheOptions.defaults());
        }

        /**
         * Caches answers in the given store under the given policy.
         *
         * @param store where answers live
         * @param options what is cached and for how long ({@link CacheOptions#maximumSize()} does not apply)
         * @return this builder
         */
        public Builder cache(ResponseCache store, CacheOptions options) {
            this.cacheOptions = Objects.requireNonNull(options, "options");
            this.cacheStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Meters usage (OpenTelemetry GenAI meters, per-user usage records with cost) and enforces the monthly
         * token limit the options set. Off by default.
         *
         * @param options store, cost table, monthly limit and its time zone
         * @return this builder
         */
        public Builder usage(UsageOptions options) {
            this.usageOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Limits every user's tokens per calendar month (UTC unless {@link #usage(UsageOptions)} says otherwise);
         * turns usage metering on. Overrides a limit set in the usage options.
         *
         * @param tokens total tokens each user may use per month
         * @return this builder
         */
        public Builder monthlyTokenLimit(long tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("a token limit cannot be negative, got " + tokens);
            }
            this.monthlyTokenLimit = tokens;
            return this;
        }

        /**
         * Where usage and cache meters go; turns usage metering on. Default Micrometer's global registry.
         *
         * @param registry e.g. Spring Boot's registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @return the client
         * @throws io.github.foundryagents.core.config.FoundryConfigException when the configuration is invalid
         */
        public AgentClient build() {
            return ClientAssembly.assemble(this);
        }
    }
}
