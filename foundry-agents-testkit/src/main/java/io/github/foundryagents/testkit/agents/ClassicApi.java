package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.testkit.FakeExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classic Agent Service's routes (assistants, threads, messages, runs, run steps) and the project connections
 * API, under the project path. Validation order as Azure's: api-version, route, ids, body. Thread-safe.
 */
final class ClassicApi {

    private static final Pattern ROUTE = Pattern.compile("/(assistants|threads|connections)(?:/([^/]+))?"
            + "(?:/(messages|runs)(?:/([^/]+))?(?:/(submit_tool_outputs|cancel|steps)(?:/([^/]+))?)?)?");

    private final FakeAgentService service;
    private final Map<String, ObjectNode> agents = new LinkedHashMap<>();
    private final Map<String, ClassicThread> threads = new LinkedHashMap<>();
    private final Map<String, ObjectNode> runAgents = new java.util.concurrent.ConcurrentHashMap<>();

    ClassicApi(FakeAgentService service) {
        this.service = service;
    }

    synchronized int threadCount() {
        return threads.size();
    }

    synchronized int agentCount() {
        return agents.size();
    }

    synchronized void reset() {
        agents.clear();
        threads.clear();
        runAgents.clear();
    }

    void handle(FakeExchange ex, String path) throws IOException {
        String version = ex.query().get("api-version");
        if (version == null) {
            error(ex, 400, "Missing required query parameter: api-version", "MissingApiVersionParameter");
            return;
        }
        if (!FakeAgentService.API_VERSIONS.contains(version)) {
            error(ex, 400, "Unsupported api version '" + version + "'. The supported versions are 'v1',"
                    + " '2025-05-01', '2025-05-15-preview'", "UnsupportedApiVersionValue");
            return;
        }
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            ex.sendError(404, "404", "Resource not found", Map.of());
            return;
        }
        String key = ex.method() + " " + m.group(1) + (m.group(2) != null ? "/id" : "")
                + (m.group(3) != null ? "/" + m.group(3) : "") + (m.group(4) != null ? "/id" : "")
                + (m.group(5) != null ? "/" + m.group(5) : "") + (m.group(6) != null ? "/id" : "");
        switch (key) {
            case "GET connections" -> connections(ex);
            case "GET connections/id" -> connection(ex, m.group(2));
            case "POST assistants" -> createAgent(ex);
            case "GET assistants" -> sendList(ex, agentsSnapshot());
            case "GET assistants/id" -> withAgent(ex, m.group(2), a -> ex.sendJson(200, a, Map.of()));
            case "DELETE assistants/id" -> deleteAgent(ex, m.group(2));
            case "POST threads" -> createThread(ex);
            case "GET threads/id" -> withThread(ex, m.group(2), t -> ex.sendJson(200, t.json, Map.of()));
            case "DELETE threads/id" -> deleteThread(ex, m.group(2));
            case "POST threads/id/messages" -> withThread(ex, m.group(2), t -> createMessage(ex, t));
            case "GET threads/id/messages" -> withThread(ex, m.group(2), t -> listMessages(ex, t));
            case "POST threads/id/runs" -> withThread(ex, m.group(2), t -> createRun(ex, t));
            case "GET threads/id/runs" -> withThread(ex, m.group(2), t -> sendList(ex,
                    t.runs().stream().map(r -> (JsonNode) ClassicJson.run(r, agentOf(r))).toList()));
            case "GET threads/id/runs/id" -> withRun(ex, m, (t, r) -> ex.sendJson(200, ClassicJson.run(r, agentOf(r)),
                    Map.of()));
            case "POST threads/id/runs/id/submit_tool_outputs" -> withRun(ex, m, (t, r) -> submit(ex, t, r));
            case "POST threads/id/runs/id/cancel" -> withRun(ex, m, (t, r) -> cancel(ex, r));
            case "GET threads/id/runs/id/steps" -> withRun(ex, m, (t, r) -> sendList(ex,
                    t.steps.getOrDefault(r.id(), List.of())));
            case "GET threads/id/runs/id/steps/id" -> withRun(ex, m, (t, r) -> step(ex, t, r, m.group(6)));
            default -> ex.sendError(405, "405", "Method not allowed", Map.of());
        }
    }

    private void connections(FakeExchange ex) throws IOException {
        ObjectNode body = Json.object();
        body.putArray("value").addAll(service.connections());
        ex.sendJson(200, body, Map.of());
    }

    private void connection(FakeExchange ex, String name) throws IOException {
        ObjectNode c = service.connection(name);
        if (c == null) {
            ex.sendError(404, "NotFound", "Connection '" + name + "' was not found in project '"
                    + FakeAgentService.PROJECT + "'.", Map.of());
        } else {
            ex.sendJson(200, c, Map.of());
        }
    }

    private void createAgent(FakeExchange ex) throws IOException {
        JsonNode body = ex.body();
        if (!body.isObject() || body.path("model").asText("").isBlank()) {
            invalid(ex, "Missing required parameter: 'model'.", "model");
            return;
        }
        String id = service.newId("asst");
        ObjectNode agent = Json.object().put("id", id).put("object", "assistant")
                .put("created_at", ClassicJson.seconds(Instant.now()));
        agent.set("name", body.path("name").isMissingNode() ? null : body.get("name"));
        agent.set("description", body.path("description").isMissingNode() ? null : body.get("description"));
        agent.put("model", body.path("model").asText());
        agent.set("instructions", body.path("instructions").isMissingNode() ? null : body.get("instructions"));
        agent.set("tools", body.path("tools").isArray() ? body.get("tools") : Json.mapper().createArrayNode());
        agent.putObject("tool_resources");
        agent.put("temperature", body.path("temperature").asDouble(1.0)).put("top_p", 1.0)
                .put("response_format", "auto");
        agent.putObject("metadata");
        synchronized (this) {
            agents.put(id, agent);
        }
        ex.sendJson(200, agent, Map.of());
    }

    private void deleteAgent(FakeExchange ex, String id) throws IOException {
        ObjectNode removed;
        synchronized (this) {
            removed = agents.remove(id);
        }
        if (removed == null) {
            notFound(ex, "assistant", id);
        } else {
            ex.sendJson(200, ClassicJson.deleted(id, "assistant.deleted"), Map.of());
        }
    }

    private void createThread(FakeExchange ex) throws IOException {
        ClassicThread thread = new ClassicThread(ClassicJson.thread(service.newId("thread")));
        for (JsonNode m : ex.body().path("messages")) {
            thread.messages.add(ClassicJson.userMessage(service.newId("msg"), thread.id(), text(m.path("content"))));
        }
        synchronized (this) {
            threads.put(thread.id(), thread);
        }
        ex.sendJson(200, thread.json, Map.of());
    }

    private void deleteThread(FakeExchange ex, String id) throws IOException {
        ClassicThread removed;
        synchronized (this) {
            removed = threads.remove(id);
        }
        if (removed == null) {
            notFound(ex, "thread", id);
            return;
        }
        removed.runs().forEach(FakeRun::cancel);
        ex.sendJson(200, ClassicJson.deleted(id, "thread.deleted"), Map.of());
    }

    private void createMessage(FakeExchange ex, ClassicThread thread) throws IOException {
        if (thread.activeRun() != null) {
            invalid(ex, "Can't add messages to " + thread.id() + " while a run " + thread.activeRun().id()
                    + " is active.", null);
            return;
        }
        ObjectNode message = ClassicJson.userMessage(service.newId("msg"), thread.id(), text(ex.body().path("content")));
        thread.messages.add(message);
        ex.sendJson(200, message, Map.of());
    }

    private void listMessages(FakeExchange ex, ClassicThread thread) throws IOException {
        String runId = ex.query().get("run_id");
        List<JsonNode> messages = thread.messages.stream()
                .filter(msg -> runId == null || runId.equals(msg.path("run_id").asText(null)))
                .map(msg -> (JsonNode) msg).toList();
        sendList(ex, messages);
    }

    private void createRun(FakeExchange ex, ClassicThread thread) throws IOException {
        String agentId = ex.body().path("assistant_id").asText("");
        ObjectNode agent;
        synchronized (this) {
            agent = agents.get(agentId);
        }
        if (agent == null) {
            notFound(ex, "assistant", agentId);
            return;
        }
        FakeRun active = thread.activeRun();
        if (active != null) {
            invalid(ex, "Thread " + thread.id() + " already has an active run " + active.id() + ".", null);
            return;
        }
        RunScript script = service.nextScript();
        FakeAnswer answer = new FakeAnswer(thread.lastUserText(), agent.path("instructions").asText(null), script,
                service.grounds(agent.path("tools"), "connection_id"));
        FakeRun run = new FakeRun(service.newId("run"), thread.id(), script, answer, false, false,
                service.realDuration(script), service.clock(), new ClassicRenderer(thread, agent, service::newId));
        thread.addRun(run);
        runAgents.put(run.id(), agent);
        service.track(run);
        run.start();
        respond(ex, run, 0);
    }

    private ObjectNode agentOf(FakeRun run) {
        return runAgents.get(run.id());
    }

    private void submit(FakeExchange ex, ClassicThread thread, FakeRun run) throws IOException {
        List<String> outputs = new ArrayList<>();
        for (JsonNode o : ex.body().path("tool_outputs")) {
            if (!run.toolCallId().equals(o.path("tool_call_id").asText())) {
                invalid(ex, "Invalid 'tool_call_id': '" + o.path("tool_call_id").asText() + "'. Expected "
                        + run.toolCallId() + ".", "tool_outputs");
                return;
            }
            outputs.add(o.path("output").asText(""));
        }
        int from = run.eventCount();
        if (outputs.isEmpty() || !run.submit(outputs)) {
            invalid(ex, "Runs in status \"" + run.status() + "\" do not accept tool outputs.", null);
            return;
        }
        respond(ex, run, from);
    }

    private void cancel(FakeExchange ex, FakeRun run) throws IOException {
        if (!run.cancel()) {
            invalid(ex, "Cannot cancel run with status '" + run.status() + "'.", null);
            return;
        }
        ex.sendJson(200, ClassicJson.run(run, agentOf(run)), Map.of());
    }

    private void step(FakeExchange ex, ClassicThread thread, FakeRun run, String stepId) throws IOException {
        for (ObjectNode s : thread.steps.getOrDefault(run.id(), List.of())) {
            if (s.path("id").asText().equals(stepId)) {
                ex.sendJson(200, s, Map.of());
                return;
            }
        }
        notFound(ex, "run step", stepId);
    }

    /** Answers a create-run or submit request: the run as JSON, or its events from {@code from} when streaming. */
    private void respond(FakeExchange ex, FakeRun run, int from) throws IOException {
        if (!ex.body().path("stream").asBoolean(false)) {
            ex.sendJson(200, ClassicJson.run(run, agentOf(run)), Map.of());
            return;
        }
        FakeExchange.EventStream stream = ex.openEventStream();
        EventPump.pump(run, from, stream);
        stream.send("done", "[DONE]");
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                sb.append(block.path("text").isTextual() ? block.path("text").asText()
                        : block.path("text").path("value").asText());
            }
        }
        return sb.toString();
    }

    private synchronized List<JsonNode> agentsSnapshot() {
        return new ArrayList<>(agents.values());
    }

    private static void sendList(FakeExchange ex, List<? extends JsonNode> items) throws IOException {
        ObjectNode page = ListPage.of(items, ex.query());
        if (page == null) {
            invalid(ex, "Invalid 'limit' or 'order': limit must be 1 to 100, order 'asc' or 'desc'.", "limit");
        } else {
            ex.sendJson(200, page, Map.of());
        }
    }

    private interface ThreadAction {
        void apply(ClassicThread thread) throws IOException;
    }

    private interface RunAction {
        void apply(ClassicThread thread, FakeRun run) throws IOException;
    }

    private interface AgentAction {
        void apply(ObjectNode agent) throws IOException;
    }

    private void withAgent(FakeExchange ex, String id, AgentAction action) throws IOException {
        ObjectNode agent;
        synchronized (this) {
            agent = agents.get(id);
        }
        if (agent == null) {
            notFound(ex, "assistant", id);
        } else {
            action.apply(agent);
        }
    }

    private void withThread(FakeExchange ex, String id, ThreadAction action) throws IOException {
        ClassicThread thread;
        synchronized (this) {
            thread = threads.get(id);
        }
        if (thread == null) {
            notFound(ex, "thread", id);
        } else {
            action.apply(thread);
        }
    }

    private void withRun(FakeExchange ex, Matcher m, RunAction action) throws IOException {
        withThread(ex, m.group(2), thread -> {
            FakeRun run = thread.run(m.group(4));
            if (run == null) {
                notFound(ex, "run", m.group(4));
            } else {
                action.apply(thread, run);
            }
        });
    }

    private static void notFound(FakeExchange ex, String what, String id) throws IOException {
        error(ex, 404, "No " + what + " found with id '" + id + "'.", null);
    }

    private static void invalid(FakeExchange ex, String message, String param) throws IOException {
        ObjectNode root = Json.object();
        root.putObject("error").put("message", message).put("type", "invalid_request_error").put("param", param)
                .putNull("code");
        ex.sendJson(400, root, Map.of());
    }

    private static void error(FakeExchange ex, int status, String message, String code) throws IOException {
        ObjectNode root = Json.object();
        root.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param")
                .put("code", code);
        ex.sendJson(status, root, Map.of());
    }
}
