package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.testkit.FakeExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new Agent Service's agents: named, versioned resources under {@code /agents?api-version=v1}. Creating an
 * agent whose name exists answers 409; a new version is made with {@code POST /agents/{name}/versions} or
 * {@code POST /agents/{name}}. Thread-safe.
 */
final class V2Agents {

    private static final Set<String> API_VERSIONS = Set.of("v1", "2025-11-15-preview");
    private static final Pattern ROUTE = Pattern.compile("/agents(?:/([^/]+)(?:/(versions)(?:/([^/]+))?)?)?");

    private final Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();

    synchronized int count() {
        return versions.size();
    }

    synchronized void reset() {
        versions.clear();
    }

    /**
     * @param name an agent name
     * @param version a version, or {@code null} for the latest
     * @return that version's object, or {@code null}
     */
    synchronized ObjectNode find(String name, String version) {
        List<ObjectNode> all = versions.get(name);
        if (all == null || all.isEmpty()) {
            return null;
        }
        if (version == null) {
            return all.get(all.size() - 1);
        }
        return all.stream().filter(v -> v.path("version").asText().equals(version)).findFirst().orElse(null);
    }

    void handle(FakeExchange ex, String path) throws IOException {
        String apiVersion = ex.query().get("api-version");
        if (apiVersion == null || !API_VERSIONS.contains(apiVersion)) {
            ResponsesApi.error(ex, 400, apiVersion == null ? "Missing required query parameter: api-version"
                    : "Unsupported api version '" + apiVersion + "'. The supported versions are 'v1'.",
                    apiVersion == null ? "MissingApiVersionParameter" : "UnsupportedApiVersionValue");
            return;
        }
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            ex.sendError(404, "404", "Resource not found", Map.of());
            return;
        }
        String name = m.group(1);
        String key = ex.method() + (name == null ? "" : " name") + (m.group(2) == null ? "" : " versions")
                + (m.group(3) == null ? "" : " version");
        switch (key) {
            case "POST" -> create(ex);
            case "GET" -> ex.sendJson(200, ListPage.of(agents(), ex.query()), Map.of());
            case "GET name" -> withAgent(ex, name, latest -> ex.sendJson(200, ResponsesJson.agent(name, latest), Map.of()));
            case "POST name", "POST name versions" -> withAgent(ex, name, latest -> addVersion(ex, name));
            case "DELETE name" -> delete(ex, name);
            case "GET name versions" -> withAgent(ex, name, latest -> ex.sendJson(200,
                    ListPage.of(versionsOf(name), ex.query()), Map.of()));
            case "GET name versions version" -> {
                ObjectNode v = find(name, m.group(3));
                if (v == null) {
                    notFound(ex, name + ":" + m.group(3));
                } else {
                    ex.sendJson(200, v, Map.of());
                }
            }
            default -> ex.sendError(405, "405", "Method not allowed", Map.of());
        }
    }

    private void create(FakeExchange ex) throws IOException {
        JsonNode body = ex.body();
        String name = body.path("name").asText("");
        if (name.isBlank() || !body.path("definition").isObject()) {
            ResponsesApi.error(ex, 400, "'name' and 'definition' are required.", "invalid_value");
            return;
        }
        if (!"prompt".equals(body.path("definition").path("kind").asText())
                || body.path("definition").path("model").asText("").isBlank()) {
            ResponsesApi.error(ex, 400, "A prompt agent definition needs kind 'prompt' and a model.", "invalid_value");
            return;
        }
        ObjectNode created;
        synchronized (this) {
            if (versions.containsKey(name)) {
                created = null;
            } else {
                created = ResponsesJson.version(name, 1, (ObjectNode) body.get("definition"));
                versions.put(name, new ArrayList<>(List.of(created)));
            }
        }
        if (created == null) {
            ResponsesApi.error(ex, 409, "Agent '" + name + "' already exists; create a new version with POST"
                    + " /agents/" + name + "/versions.", "conflict");
        } else {
            ex.sendJson(200, ResponsesJson.agent(name, created), Map.of());
        }
    }

    private void addVersion(FakeExchange ex, String name) throws IOException {
        if (!ex.body().path("definition").isObject()) {
            ResponsesApi.error(ex, 400, "'definition' is required.", "invalid_value");
            return;
        }
        ObjectNode v;
        synchronized (this) {
            List<ObjectNode> all = versions.get(name);
            v = ResponsesJson.version(name, all.size() + 1, (ObjectNode) ex.body().get("definition"));
            all.add(v);
        }
        ex.sendJson(200, v, Map.of());
    }

    private void delete(FakeExchange ex, String name) throws IOException {
        List<ObjectNode> removed;
        synchronized (this) {
            removed = versions.remove(name);
        }
        if (removed == null) {
            notFound(ex, name);
        } else {
            ex.sendJson(200, Json.object().put("object", "agent.deleted").put("name", name).put("deleted", true),
                    Map.of());
        }
    }

    private synchronized List<ObjectNode> agents() {
        return versions.entrySet().stream().map(e -> ResponsesJson.agent(e.getKey(),
                e.getValue().get(e.getValue().size() - 1))).toList();
    }

    private synchronized List<ObjectNode> versionsOf(String name) {
        return List.copyOf(versions.get(name));
    }

    private interface AgentAction {
        void apply(ObjectNode latest) throws IOException;
    }

    private void withAgent(FakeExchange ex, String name, AgentAction action) throws IOException {
        ObjectNode latest = find(name, null);
        if (latest == null) {
            notFound(ex, name);
        } else {
            action.apply(latest);
        }
    }

    private static void notFound(FakeExchange ex, String what) throws IOException {
        ResponsesApi.error(ex, 404, "Agent '" + what + "' not found.", "not_found");
    }
}
