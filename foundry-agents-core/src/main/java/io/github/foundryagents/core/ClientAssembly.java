package io.github.foundryagents.core;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.github.foundryagents.core.cache.CacheInterceptor;
import io.github.foundryagents.core.cache.CaffeineResponseCache;
import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.chat.AzureChatTransport;
import io.github.foundryagents.core.chat.ChatTransport;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.BearerTokenPolicy;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.github.foundryagents.core.pipeline.ChatPipeline;
import io.github.foundryagents.core.resilience.PacingInterceptor;
import io.github.foundryagents.core.resilience.QuotaPacer;
import io.github.foundryagents.core.resilience.RetryInterceptor;
import io.github.foundryagents.core.routing.DefaultDeploymentInterceptor;
import io.github.foundryagents.core.routing.RoutingInterceptor;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.usage.MeteringInterceptor;
import io.github.foundryagents.core.usage.QuotaInterceptor;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.usage.UsageOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns an {@link AgentClient.Builder}'s settings into a client: the validated configuration, the transports with
 * their credentials, and the chat pipeline in its fixed order (see docs/architecture.md):
 * user interceptors → quota → routing → cache → retry → pacing → metering → network interceptors → transport.
 */
final class ClientAssembly {

    private final AgentClient.Builder b;

    private ClientAssembly(AgentClient.Builder builder) {
        this.b = builder;
    }

    static AgentClient assemble(AgentClient.Builder builder) {
        return new ClientAssembly(builder).client();
    }

    private AgentClient client() {
        FoundryConfig resolved = resolveConfig();
        ChatTransport chatTransport = b.transport != null ? b.transport : azureTransport(resolved);
        MeterRegistry registry = b.meterRegistry != null ? b.meterRegistry : Metrics.globalRegistry;
        UsageOptions usage = resolveUsage();
        UsageMeter meter = usage != null ? new UsageMeter(registry, usage) : null;
        List<ChatInterceptor> chain = new ArrayList<>(b.interceptors);
        if (usage != null && usage.monthlyTokenLimit().isPresent()) {
            chain.add(new QuotaInterceptor(meter));
        }
        chain.add(b.router != null || b.spillOver != null
                ? new RoutingInterceptor(resolved.deployments(), Deployments.GPT4_MINI, b.router,
                        b.spillOver != null ? b.spillOver : SpillOver.none())
                : new DefaultDeploymentInterceptor(resolved.deployments(), Deployments.GPT4_MINI));
        if (b.cacheOptions != null) {
            chain.add(new CacheInterceptor(cacheStore(registry), b.cacheOptions, resolved, registry));
        }
        chain.add(new RetryInterceptor(b.retryPolicy));
        if (b.pacing.enabled()) {
            chain.add(new PacingInterceptor(new QuotaPacer(b.pacing)));
        }
        if (meter != null) {
            chain.add(new MeteringInterceptor(meter));
        }
        chain.addAll(b.networkInterceptors);
        return new AgentClient(resolved, new ChatPipeline(chain, chatTransport), agentServiceHttp(resolved), meter,
                b.retryPolicy);
    }

    private FoundryConfig resolveConfig() {
        FoundryConfig.Builder config;
        if (b.config != null) {
            config = b.config.toBuilder();
        } else if (b.endpointSet) {
            config = FoundryConfig.builder();
        } else {
            config = FoundryConfig.builderFrom(System.getenv());
        }
        b.overrides.forEach(o -> o.accept(config));
        return config.build();
    }

    private UsageOptions resolveUsage() {
        UsageOptions usage = b.usageOptions != null ? b.usageOptions
                : b.meterRegistry != null || b.monthlyTokenLimit != null ? UsageOptions.defaults() : null;
        return usage != null && b.monthlyTokenLimit != null
                ? usage.toBuilder().monthlyTokenLimit(b.monthlyTokenLimit).build() : usage;
    }

    private ResponseCache cacheStore(MeterRegistry registry) {
        ResponseCache store = b.cacheStore != null ? b.cacheStore
                : new CaffeineResponseCache(b.cacheOptions.maximumSize());
        if (store instanceof MeterBinder binder) {
            binder.bindTo(registry);
        }
        return store;
    }

    private ChatTransport azureTransport(FoundryConfig resolved) {
        TokenCredential tokens = b.credential;
        if (tokens == null && resolved.apiKey().isEmpty()) {
            tokens = defaultCredential(resolved);
        }
        AzureHttp http = AzureHttp.create(b.httpClient, b.httpLogOptions, AzureHttp.authPolicy(
                resolved.apiKey().orElse(null), tokens, BearerTokenPolicy.COGNITIVE_SERVICES_SCOPE));
        return new AzureChatTransport(resolved, http);
    }

    /** The Agent Service accepts only Entra ID tokens, so it never uses the API key. Made on first use. */
    private Supplier<AzureHttp> agentServiceHttp(FoundryConfig resolved) {
        TokenCredential given = b.credential;
        HttpClient client = b.httpClient;
        HttpLogOptions logs = b.httpLogOptions;
        return memoize(() -> AzureHttp.create(client, logs, new BearerTokenPolicy(
                given != null ? given : defaultCredential(resolved), BearerTokenPolicy.AI_FOUNDRY_SCOPE)));
    }

    private static TokenCredential defaultCredential(FoundryConfig resolved) {
        return defaultCredential(resolved, null);
    }

    /**
     * {@code DefaultAzureCredential} for the configured user-assigned managed identity ({@code AZURE_CLIENT_ID}).
     *
     * @param identityHttp the HTTP client the credential talks to Microsoft Entra ID and the identity endpoint with,
     *     or {@code null} for azure-core's default; tests pass one that plays the instance metadata service
     */
    static TokenCredential defaultCredential(FoundryConfig resolved, HttpClient identityHttp) {
        DefaultAzureCredentialBuilder dac = new DefaultAzureCredentialBuilder();
        resolved.managedIdentityClientId().ifPresent(dac::managedIdentityClientId);
        if (identityHttp != null) {
            dac.httpClient(identityHttp);
        }
        return dac.build();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
