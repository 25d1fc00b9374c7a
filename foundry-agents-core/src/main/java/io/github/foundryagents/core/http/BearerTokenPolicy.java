package io.github.foundryagents.core.http;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Authorization: Bearer <token>} for one scope, sharing a cached token across calls.
 *
 * <p>Refuses to send a token over plain http except to a loopback host (the testkit's fake), so a mistyped
 * endpoint can never leak a token. Thread-safe.
 */
public final class BearerTokenPolicy implements HttpPipelinePolicy {

    /** Scope of Azure OpenAI / AI Services data-plane calls. */
    public static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";
    /** Scope of Foundry Agent Service calls. */
    public static final String AI_FOUNDRY_SCOPE = "https://ai.azure.com/.default";

    private final TokenCache cache;

    /**
     * @param credential where tokens come from, e.g. {@code DefaultAzureCredential}
     * @param scope the token scope, e.g. {@link #COGNITIVE_SERVICES_SCOPE}
     */
    public BearerTokenPolicy(TokenCredential credential, String scope) {
        this.cache = new TokenCache(credential, scope, Clock.systemUTC());
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return Mono.fromRunnable(() -> authorize(context.getHttpRequest())).then(next.process());
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        authorize(context.getHttpRequest());
        return next.processSync();
    }

    private void authorize(HttpRequest request) {
        SecureTransport.require(request.getUrl(), "a Microsoft Entra ID token");
        request.setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION, "Bearer " + cache.token());
    }
}
