package io.github.foundryagents.core.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.foundryagents.core.config.Secret;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Adds Azure OpenAI's {@code api-key} header. Used only when a key was explicitly configured; like
 * {@link BearerTokenPolicy} it never sends the key over plain http to a non-loopback host. Thread-safe.
 */
public final class ApiKeyPolicy implements HttpPipelinePolicy {

    private static final HttpHeaderName API_KEY = HttpHeaderName.fromString("api-key");

    private final Secret key;

    /**
     * @param key the API key
     */
    public ApiKeyPolicy(Secret key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return Mono.fromRunnable(() -> authorize(context)).then(next.process());
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        authorize(context);
        return next.processSync();
    }

    private void authorize(HttpPipelineCallContext context) {
        SecureTransport.require(context.getHttpRequest().getUrl(), "an API key");
        context.getHttpRequest().setHeader(API_KEY, key.reveal());
    }
}
