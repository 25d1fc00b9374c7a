package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One request to the fake: its parsed parts and the means to answer in Azure's style. Public for the fake's
 * handlers in sub-packages (such as the Agent Service's); not meant for tests. Not thread-safe; one per exchange.
 */
public final class FakeExchange {

    private final HttpExchange exchange;
    private final String rawBody;
    private final JsonNode body;
    private final Map<String, String> query;
    private final String requestId = UUID.randomUUID().toString();

    FakeExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        this.body = parse(rawBody);
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    /** @return the HTTP method */
    public String method() {
        return exchange.getRequestMethod();
    }

    /** @return the path without query string */
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** @return the query parameters, first value of each, decoded */
    public Map<String, String> query() {
        return query;
    }

    /** @return the parsed JSON body, a JSON null when absent or not JSON */
    public JsonNode body() {
        return body;
    }

    /** @return whether the body was empty or valid JSON */
    public boolean bodyIsJson() {
        return !(body instanceof NullNode) || rawBody.isBlank();
    }

    /**
     * @param name a request header
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    RecordedRequest record(String deployment) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return new RecordedRequest(method(), path(), Map.copyOf(query), Map.copyOf(headers), body, rawBody,
                deployment, Instant.now());
    }

    /**
     * @param status the HTTP status
     * @param json the body
     * @param extraHeaders more response headers
     * @throws IOException when the client went away
     */
    public void sendJson(int status, JsonNode json, Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = Json.bytes(json);
        setHeaders(extraHeaders);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends the headers with the full Content-Length, then half the body, then drops the connection. */
    void sendTruncated(int status, JsonNode json, Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = Json.bytes(json);
        setHeaders(extraHeaders);
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // Closing the exchange (not the stream) with bytes missing makes the JDK server drop the connection.
        exchange.close();
    }

    private void setHeaders(Map<String, String> extraHeaders) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("apim-request-id", requestId);
        headers.set("x-request-id", requestId);
        headers.set("x-ms-region", "East US");
        extraHeaders.forEach(headers::set);
    }

    /**
     * @param status the HTTP status
     * @param code Azure's {@code error.code}
     * @param message Azure's {@code error.message}
     * @param extraHeaders more response headers
     * @throws IOException when the client went away
     */
    public void sendError(int status, String code, String message, Map<String, String> extraHeaders)
            throws IOException {
        sendJson(status, errorBody(code, message), extraHeaders);
    }

    /**
     * @param code Azure's {@code error.code}
     * @param message Azure's {@code error.message}
     * @return Azure's error envelope
     */
    public static ObjectNode errorBody(String code, String message) {
        ObjectNode root = Json.object();
        root.putObject("error").put("code", code).put("message", message);
        return root;
    }

    /**
     * Starts a {@code text/event-stream} response; write events with {@link EventStream#send}.
     *
     * @return the open stream, closed with the exchange
     * @throws IOException when the client went away
     */
    public EventStream openEventStream() throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-cache");
        headers.set("apim-request-id", requestId);
        headers.set("x-request-id", requestId);
        exchange.sendResponseHeaders(200, 0);
        return new EventStream(exchange.getResponseBody());
    }

    /** A server-sent event stream being written. Not thread-safe. */
    public static final class EventStream {
        private final OutputStream out;

        private EventStream(OutputStream out) {
            this.out = out;
        }

        /**
         * Writes one event as {@code event: <name>}, {@code data: <data>} and a blank line, then flushes.
         *
         * @param event the event name
         * @param data the payload on one line
         * @throws IOException when the client went away
         */
        public void send(String event, String data) throws IOException {
            out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static JsonNode parse(String raw) {
        if (raw.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(raw);
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
