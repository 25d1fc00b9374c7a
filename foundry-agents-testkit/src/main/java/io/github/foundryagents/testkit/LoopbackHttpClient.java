package io.github.foundryagents.testkit;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} that sends every request to a local server (such as a {@link FakeFoundry})
 * whatever host and scheme the SDK addressed, keeping path and query. Official Azure SDKs whose credential
 * policies demand https can then keep an {@code https://...azure.com} endpoint while talking to the fake, the way
 * Azure's own SDK tests reach their local test proxy. Thread-safe.
 *
 * <pre>{@code
 * OpenAIClient sdk = new OpenAIClientBuilder()
 *         .endpoint("https://fake.openai.azure.com")
 *         .credential(new AzureKeyCredential("key"))
 *         .httpClient(new LoopbackHttpClient(fake.endpoint()))
 *         .buildClient();
 * }</pre>
 */
public final class LoopbackHttpClient implements HttpClient {

    private final URI target;
    private final HttpClient delegate;

    /**
     * @param target the local server, e.g. {@link FakeFoundry#endpoint()}
     */
    public LoopbackHttpClient(URI target) {
        this(target, HttpClient.createDefault());
    }

    /**
     * @param target the local server
     * @param delegate the client that performs the rewritten requests
     */
    public LoopbackHttpClient(URI target, HttpClient delegate) {
        this.target = Objects.requireNonNull(target, "target");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return delegate.send(rewrite(request));
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(rewrite(request), context);
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return delegate.sendSync(rewrite(request), context);
    }

    private HttpRequest rewrite(HttpRequest request) {
        URL original = request.getUrl();
        try {
            URL local = new URL(target.getScheme(), target.getHost(), target.getPort(), original.getFile());
            return request.copy().setUrl(local);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot rewrite " + original.getPath() + " to " + target, e);
        }
    }
}
