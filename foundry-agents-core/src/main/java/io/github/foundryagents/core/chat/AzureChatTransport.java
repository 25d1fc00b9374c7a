package io.github.foundryagents.core.chat;

import com.azure.core.http.HttpMethod;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.PathStyle;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.HttpResult;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.http.ServiceErrors;
import io.github.foundryagents.core.resilience.Deadline;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Azure OpenAI chat completions over REST: {@code /openai/v1/chat/completions} or
 * {@code /openai/deployments/{deployment}/chat/completions?api-version=...}, per {@link FoundryConfig#pathStyle()}.
 * One attempt per call, waiting for the response no longer than the request's {@link Deadline} tag allows.
 * Thread-safe.
 */
public final class AzureChatTransport implements ChatTransport {

    private final FoundryConfig config;
    private final AzureHttp http;

    /**
     * @param config endpoint, path style and api-version
     * @param http the authenticated sender
     */
    public AzureChatTransport(FoundryConfig config, AzureHttp http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ChatResponse send(ChatRequest request) {
        String deployment = request.deployment().orElseThrow(() -> new IllegalArgumentException(
                "the transport needs a resolved deployment name"));
        boolean v1 = config.pathStyle() == PathStyle.V1;
        byte[] body = Json.bytes(ChatWire.requestBody(request, v1 ? deployment : null));
        Duration timeout = request.tag(Deadline.class).map(Deadline::remaining).orElse(null);
        HttpResult result = http.send(HttpMethod.POST, url(deployment, v1), body, timeout);
        if (!result.isSuccess()) {
            throw ServiceErrors.toException(result, "Chat completion on deployment '" + deployment + "'", deployment);
        }
        return ChatWire.response(result, deployment);
    }

    private URL url(String deployment, boolean v1) {
        String base = config.endpoint().toString();
        String url = v1
                ? base + "/openai/v1/chat/completions"
                : base + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                        + "/chat/completions?api-version=" + URLEncoder.encode(config.apiVersion(), StandardCharsets.UTF_8);
        try {
            return new URL(url);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot form a URL from the validated endpoint", e);
        }
    }
}
