package io.github.foundryagents.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the fake with the JDK's HTTP client, so tests of the fake do not depend on the library's client. */
final class RawClient {

    static final String PROMPT_400 = "x".repeat(400); // the fake counts 3 + (3 + 100) = 106 prompt tokens

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeFoundry fake;

    RawClient(FakeFoundry fake) {
        this.fake = fake;
    }

    static String body(String deployment, Integer maxTokens) {
        return "{\"model\":\"" + deployment + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT_400
                + "\"}]" + (maxTokens == null ? "" : ",\"max_tokens\":" + maxTokens) + "}";
    }

    HttpResponse<String> chat(String deployment, Integer maxTokens) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.endpoint() + "/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("api-key", "test-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(deployment, maxTokens))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    static long header(HttpResponse<?> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError(
                "no " + name + " header in " + response.headers().map())));
    }
}
