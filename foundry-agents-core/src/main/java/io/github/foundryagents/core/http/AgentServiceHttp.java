package io.github.foundryagents.core.http;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.FoundryException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * JSON calls to paths under a Foundry project endpoint, with a fixed query (usually {@code api-version=...}),
 * Azure's errors mapped by {@link ServiceErrors}, and server-sent event streams. One attempt per call. Thread-safe.
 */
public final class AgentServiceHttp {

    private static final String EVENT_STREAM = "text/event-stream";

    private final URI project;
    private final AzureHttp http;
    private final String query;

    /**
     * @param project the project endpoint, without a trailing slash
     * @param http the authenticated sender
     * @param query the query every call carries, e.g. {@code api-version=2025-05-01}; empty for none
     */
    public AgentServiceHttp(URI project, AzureHttp http, String query) {
        this.project = Objects.requireNonNull(project, "project");
        this.http = Objects.requireNonNull(http, "http");
        this.query = Objects.requireNonNull(query, "query");
    }

    /**
     * @param otherQuery the fixed query of the copy
     * @return a sender to the same project with another fixed query
     */
    public AgentServiceHttp withQuery(String otherQuery) {
        return new AgentServiceHttp(project, http, otherQuery);
    }

    /**
     * @param id an id or name to put in a path
     * @return it, percent-encoded as one path segment
     */
    public static String segment(String id) {
        return URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param method the HTTP method
     * @param path the path below the project, starting with {@code /}
     * @param body the JSON body, or {@code null}
     * @param operation what is attempted, for error messages
     * @param extraQuery more {@code name=value} pairs, already encoded
     * @return the parsed JSON response ({@code null} node for an empty body)
     * @throws io.github.foundryagents.core.FoundryServiceException when the service answers with an error
     */
    public JsonNode call(HttpMethod method, String path, JsonNode body, String operation, String... extraQuery) {
        HttpResult result = http.send(method, url(path, extraQuery), body == null ? null : Json.bytes(body));
        if (!result.isSuccess()) {
            throw ServiceErrors.toException(result, operation, null);
        }
        return parse(result, operation);
    }

    /**
     * @param path the path below the project
     * @param operation what is attempted
     * @return whether a {@code GET} finds it (2xx) rather than 404
     * @throws io.github.foundryagents.core.FoundryServiceException for any other error
     */
    public boolean exists(String path, String operation) {
        HttpResult result = http.send(HttpMethod.GET, url(path), null);
        if (result.status() == 404) {
            return false;
        }
        if (!result.isSuccess()) {
            throw ServiceErrors.toException(result, operation, null);
        }
        return true;
    }

    /**
     * Posts and returns the open event stream.
     *
     * @param path the path below the project
     * @param body the JSON body (asking for {@code "stream": true})
     * @param operation what is attempted
     * @return the open stream
     */
    public StreamedResult stream(String path, JsonNode body, String operation) {
        return open(HttpMethod.POST, path, body, operation);
    }

    /**
     * Gets an event stream, e.g. to resume one.
     *
     * @param path the path below the project
     * @param operation what is attempted
     * @param extraQuery more {@code name=value} pairs, already encoded
     * @return the open stream
     */
    public StreamedResult streamGet(String path, String operation, String... extraQuery) {
        return open(HttpMethod.GET, path, null, operation, extraQuery);
    }

    private StreamedResult open(HttpMethod method, String path, JsonNode body, String operation,
            String... extraQuery) {
        AzureHttp.StreamOutcome outcome = http.stream(method, url(path, extraQuery),
                body == null ? null : Json.bytes(body), EVENT_STREAM);
        if (outcome.error() != null) {
            throw ServiceErrors.toException(outcome.error(), operation, null);
        }
        return outcome.stream();
    }

    private URL url(String path, String... extraQuery) {
        StringBuilder q = new StringBuilder(query);
        for (String pair : extraQuery) {
            q.append(q.length() == 0 ? "" : "&").append(pair);
        }
        String text = project + path + (q.length() == 0 ? "" : "?" + q);
        try {
            return new URL(text);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot form a URL from the validated project endpoint", e);
        }
    }

    private static JsonNode parse(HttpResult result, String operation) {
        if (result.body().length == 0) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return Json.parse(result.body());
        } catch (UncheckedIOException e) {
            throw new FoundryException(operation + " returned HTTP " + result.status() + " with a body that is not"
                    + " JSON; is PROJECT_ENDPOINT a Foundry project endpoint?", e);
        }
    }
}
