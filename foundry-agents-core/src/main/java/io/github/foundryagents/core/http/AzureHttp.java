package io.github.foundryagents.core.http;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.util.Context;
import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.config.Endpoints;
import io.github.foundryagents.core.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Sends JSON requests to Azure over an azure-core {@link HttpPipeline}: one attempt, no azure-core retry (our
 * retry and pacing run above it, so retries never multiply), credentials by policy, connection failures mapped
 * to {@link FoundryConnectionException}. Shared by the chat and Agent Service transports. Thread-safe.
 */
public final class AzureHttp {

    private static final HttpHeaderName CONTENT_TYPE = HttpHeaderName.CONTENT_TYPE;
    private static final String USER_AGENT = "foundry-agents/" + version() + " (Java " + Runtime.version().feature()
            + ")";

    /** azure-core's context key for a per-call response timeout (its HTTP clients read it). */
    private static final String RESPONSE_TIMEOUT = "azure-response-timeout";
    /** azure-core treats zero as "no timeout", so a spent deadline still gets this instead. */
    private static final Duration MIN_RESPONSE_TIMEOUT = Duration.ofMillis(1);

    private final HttpPipeline pipeline;

    private AzureHttp(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * @param httpClient the HTTP client; {@code null} for azure-core's default (found on the classpath)
     * @param logOptions azure-core HTTP logging (redacts credentials); {@code null} for the environment's
     *     ({@code AZURE_HTTP_LOG_DETAIL_LEVEL}, off by default)
     * @param auth adds credentials to each request
     * @return a sender whose pipeline has no retry policy
     */
    public static AzureHttp create(HttpClient httpClient, HttpLogOptions logOptions, HttpPipelinePolicy auth) {
        com.azure.core.http.HttpHeaders fixed = new com.azure.core.http.HttpHeaders()
                .set(HttpHeaderName.USER_AGENT, USER_AGENT);
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(httpClient != null ? httpClient : HttpClient.createDefault())
                .policies(new AddHeadersPolicy(fixed), new RequestIdPolicy(), Objects.requireNonNull(auth, "auth"),
                        new HttpLoggingPolicy(logOptions != null ? logOptions : new HttpLogOptions()))
                .build();
        return new AzureHttp(pipeline);
    }

    /**
     * @param apiKey an explicitly configured key, or {@code null}
     * @param credential the Entra ID credential used when there is no key
     * @param scope the token scope
     * @return the policy that authenticates requests
     */
    public static HttpPipelinePolicy authPolicy(Secret apiKey, TokenCredential credential, String scope) {
        return apiKey != null ? new ApiKeyPolicy(apiKey) : new BearerTokenPolicy(credential, scope);
    }

    /**
     * Sends a request and reads the whole response, whatever its status.
     *
     * @param method the HTTP method
     * @param url the absolute URL
     * @param jsonBody the JSON body, or {@code null} for none
     * @return the response
     * @throws FoundryConnectionException when no complete response arrived
     */
    public HttpResult send(HttpMethod method, URL url, byte[] jsonBody) {
        return send(method, url, jsonBody, null);
    }

    /**
     * Sends a request and reads the whole response, whatever its status, waiting for the response no longer than
     * {@code responseTimeout} (azure-core's per-call {@code azure-response-timeout}, honoured by its HTTP clients).
     *
     * @param method the HTTP method
     * @param url the absolute URL
     * @param jsonBody the JSON body, or {@code null} for none
     * @param responseTimeout the longest wait for the response, or {@code null} for the HTTP client's default
     * @return the response
     * @throws FoundryConnectionException when no complete response arrived in time
     */
    public HttpResult send(HttpMethod method, URL url, byte[] jsonBody, Duration responseTimeout) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (jsonBody != null) {
            request.setHeader(CONTENT_TYPE, "application/json");
            request.setBody(jsonBody);
        }
        Context context = responseTimeout == null ? Context.NONE
                : new Context(RESPONSE_TIMEOUT, max(responseTimeout, MIN_RESPONSE_TIMEOUT));
        try (HttpResponse response = pipeline.sendSync(request, context)) {
            byte[] body = response.getBodyAsBinaryData() == null ? new byte[0]
                    : response.getBodyAsBinaryData().toBytes();
            return new HttpResult(response.getStatusCode(), response.getHeaders(), body);
        } catch (FoundryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw connectionFailure(method, url, e);
        }
    }

    /**
     * Sends a request whose successful response is read as it arrives (e.g. {@code text/event-stream}). An error
     * status is read whole and returned as {@link HttpResult} through {@code onError} instead.
     *
     * @param method the HTTP method
     * @param url the absolute URL
     * @param jsonBody the JSON body, or {@code null}
     * @param accept the {@code Accept} header, e.g. {@code text/event-stream}
     * @return the open response for a 2xx status, or {@code null} when the status was not 2xx (see
     *     {@link StreamOutcome})
     * @throws FoundryConnectionException when no response arrived
     */
    public StreamOutcome stream(HttpMethod method, URL url, byte[] jsonBody, String accept) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, accept);
        if (jsonBody != null) {
            request.setHeader(CONTENT_TYPE, "application/json");
            request.setBody(jsonBody);
        }
        HttpResponse response;
        try {
            response = pipeline.sendSync(request, Context.NONE);
        } catch (FoundryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw connectionFailure(method, url, e);
        }
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return new StreamOutcome(new StreamedResult(response, new ByteBufferQueueStream(response.getBody())), null);
        }
        try (response) {
            byte[] body = response.getBodyAsBinaryData() == null ? new byte[0]
                    : response.getBodyAsBinaryData().toBytes();
            return new StreamOutcome(null, new HttpResult(status, response.getHeaders(), body));
        } catch (RuntimeException e) {
            throw connectionFailure(method, url, e);
        }
    }

    /**
     * What {@link #stream} got: an open stream on success, otherwise the whole error response.
     *
     * @param stream the open response, or {@code null} on an error status
     * @param error the error response, or {@code null} on success
     */
    public record StreamOutcome(StreamedResult stream, HttpResult error) {
    }

    /**
     * @param e a failure while reading a streamed body
     * @param what what was being read, e.g. {@code "the run's event stream"}
     * @return the exception to throw: a retryable {@link FoundryConnectionException}
     */
    public static FoundryConnectionException brokenStream(RuntimeException e, String what) {
        return new FoundryConnectionException(what + " broke before it ended (" + describe(e) + ")", e);
    }

    private static RuntimeException connectionFailure(HttpMethod method, URL url, RuntimeException e) {
        String target = method + " " + Endpoints.redact(url.toString());
        if (hasCause(e, InterruptedException.class)) {
            Thread.currentThread().interrupt();
            return new FoundryException(target + " was interrupted; the call was abandoned", e);
        }
        boolean io = e instanceof UncheckedIOException || hasCause(e, IOException.class)
                || hasCause(e, TimeoutException.class) || e.getClass().getName().startsWith("reactor.netty")
                || e.getClass().getName().startsWith("io.netty");
        if (!io) {
            return e;
        }
        return new FoundryConnectionException(target + " failed before a complete response arrived ("
                + describe(e) + "); the call is retryable", e);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String version() {
        String v = AzureHttp.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
