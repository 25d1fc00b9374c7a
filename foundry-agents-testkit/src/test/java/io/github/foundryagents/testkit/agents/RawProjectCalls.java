package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.testkit.FakeFoundry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A fake per test class and raw HTTP calls to its project, so the fake is tested apart from our client. */
abstract class RawProjectCalls {

    static FakeFoundry fake;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fake = FakeFoundry.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(fake.projectEndpoint() + path))
                .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> unauthenticated(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(fake.projectEndpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }
}
