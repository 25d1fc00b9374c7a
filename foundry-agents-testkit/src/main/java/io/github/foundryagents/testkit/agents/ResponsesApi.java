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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new Agent Service's data plane under {@code /openai/v1} (and the preview's {@code /openai}): conversations
 * and their items, and responses run by an agent reference (or the older {@code agent} key), synchronous, in the
 * background or streamed, resumable with {@code starting_after}, cancellable when in the background.
 * Thread-safe.
 */
final class ResponsesApi {

    private static final Pattern ROUTE = Pattern.compile("/openai(?:/v1)?/(conversations|responses)(?:/([^/]+))?"
            + "(?:/(items|cancel))?");

    private final FakeAgentService service;
    private final V2Agents agents;
    private final Map<String, V2Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, FakeResponse> responses = new LinkedHashMap<>();

    ResponsesApi(FakeAgentService service, V2Agents agents) {
        this.service = service;
        this.agents = agents;
    }

    synchronized int conversationCount() {
        return conversations.size();
    }

    synchronized void reset() {
        conversations.clear();
        responses.clear();
    }

    void handle(FakeExchange ex, String path) throws IOException {
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            ex.sendError(404, "404", "Resource not found", Map.of());
            return;
        }
        String key = ex.method() + " " + m.group(1) + (m.group(2) == null ? "" : "/id")
                + (m.group(3) == null ? "" : "/" + m.group(3));
        switch (key) {
            case "POST conversations" -> createConversation(ex);
            case "GET conversations/id" -> withConversation(ex, m.group(2), c -> ex.sendJson(200, c.json, Map.of()));
            case "DELETE conversations/id" -> deleteConversation(ex, m.group(2));
            case "POST conversations/id/items" -> withConversation(ex, m.group(2), c -> addItems(ex, c));
            case "GET conversations/id/items" -> withConversation(ex, m.group(2), c -> ex.sendJson(200,
                    ListPage.of(c.items, ex.query()), Map.of()));
            case "POST responses" -> create(ex);
            case "GET responses/id" -> withResponse(ex, m.group(2), r -> get(ex, r));
            case "POST responses/id/cancel" -> withResponse(ex, m.group(2), r -> cancel(ex, r));
            case "DELETE responses/id" -> withResponse(ex, m.group(2), r -> ex.sendJson(200, Json.object()
                    .put("id", r.run().id()).put("object", "response").put("deleted", true), Map.of()));
            default -> ex.sendError(405, "405", "Method not allowed", Map.of());
        }
    }

    private void createConversation(FakeExchange ex) throws IOException {
        V2Conversation c = new V2Conversation(ResponsesJson.conversation(service.newId("conv")));
        if (ex.body().path("items").size() > 20) {
            error(ex, 400, "A conversation can be created with at most 20 items.", "invalid_value");
            return;
        }
        List<ObjectNode> added = items(ex.body().path("items"));
        c.items.addAll(added);
        synchronized (this) {
            conversations.put(c.id(), c);
        }
        ex.sendJson(200, c.json, Map.of());
    }

    private void deleteConversation(FakeExchange ex, String id) throws IOException {
        V2Conversation removed;
        synchronized (this) {
            removed = conversations.remove(id);
        }
        if (removed == null) {
            error(ex, 404, "Conversation with id '" + id + "' not found.", "not_found");
            return;
        }
        ex.sendJson(200, Json.object().put("id", id).put("object", "conversation.deleted").put("deleted", true),
                Map.of());
    }

    private void addItems(FakeExchange ex, V2Conversation c) throws IOException {
        List<ObjectNode> added = items(ex.body().path("items"));
        c.items.addAll(added);
        ObjectNode page = ListPage.of(added, Map.of("order", "asc"));
        ex.sendJson(200, page, Map.of());
    }

    private List<ObjectNode> items(JsonNode input) {
        List<ObjectNode> out = new ArrayList<>();
        if (input.isTextual()) {
            out.add(ResponsesJson.userItem(service.newId("msg"), input.asText()));
            return out;
        }
        for (JsonNode item : input) {
            String type = item.path("type").asText("message");
            if (type.equals("message")) {
                JsonNode content = item.path("content");
                String text = content.isTextual() ? content.asText() : content.path(0).path("text").asText("");
                out.add(ResponsesJson.userItem(service.newId("msg"), text));
            } else {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.put("id", service.newId(type.equals("function_call_output") ? "fco" : "item"));
                out.add(copy);
            }
        }
        return out;
    }

    private void create(FakeExchange ex) throws IOException {
        JsonNode body = ex.body();
        JsonNode ref = body.has("agent_reference") ? body.get("agent_reference") : body.get("agent");
        if (ref == null || ref.path("name").asText("").isBlank()) {
            error(ex, 400, "This fake runs agents only: send 'agent_reference': {'type': 'agent_reference',"
                    + " 'name': ...}.", "invalid_value");
            return;
        }
        String name = ref.path("name").asText();
        ObjectNode version = agents.find(name, ref.hasNonNull("version") ? ref.get("version").asText() : null);
        if (version == null) {
            error(ex, 404, "Agent '" + name + "' not found.", "not_found");
            return;
        }
        String conversationId = body.path("conversation").isTextual() ? body.path("conversation").asText()
                : body.path("conversation").path("id").asText("");
        V2Conversation conversation;
        synchronized (this) {
            conversation = conversations.get(conversationId);
        }
        if (conversation == null) {
            error(ex, 404, "Conversation with id '" + conversationId + "' not found.", "not_found");
            return;
        }
        List<ObjectNode> input = items(body.path("input"));
        List<String> outputs = new ArrayList<>();
        RunScript script = null;
        for (ObjectNode item : input) {
            if ("function_call_output".equals(item.path("type").asText())) {
                script = conversation.takePending(item.path("call_id").asText());
                if (script == null) {
                    error(ex, 400, "No tool call found for function call output with call_id "
                            + item.path("call_id").asText() + ".", "invalid_value");
                    return;
                }
                outputs.add(item.path("output").asText(""));
            }
        }
        conversation.items.addAll(input);
        boolean continuation = script != null;
        script = continuation ? script : service.nextScript();
        FakeResponse response = new FakeResponse(name, version, body.path("background").asBoolean(false),
                conversation);
        JsonNode definition = version.path("definition");
        FakeAnswer answer = new FakeAnswer(conversation.lastUserText(), definition.path("instructions").asText(null),
                script, service.grounds(definition.path("tools"), "project_connection_id"));
        FakeRun run = new FakeRun(service.newId("resp"), conversation.id(), script, answer, continuation, true,
                service.realDuration(script), service.clock(), new ResponsesRenderer(response, service::newId));
        response.attach(run);
        run.resumeWith(outputs);
        synchronized (this) {
            responses.put(run.id(), response);
        }
        service.track(run);
        run.start();
        respond(ex, response, body.path("stream").asBoolean(false), -1);
    }

    private void get(FakeExchange ex, FakeResponse r) throws IOException {
        long after;
        try {
            after = Long.parseLong(ex.query().getOrDefault("starting_after", "-1"));
        } catch (NumberFormatException e) {
            error(ex, 400, "Invalid 'starting_after': expected an integer.", "invalid_value");
            return;
        }
        respond(ex, r, "true".equals(ex.query().get("stream")), after);
    }

    private void respond(FakeExchange ex, FakeResponse r, boolean stream, long after) throws IOException {
        FakeRun run = r.run();
        if (stream) {
            EventPump.pump(run, (int) after + 1, ex.openEventStream(), service.streamLimit());
            return;
        }
        if (!r.background && "POST".equals(ex.method())) {
            try {
                while (!run.isEnded()) {
                    run.eventsAfter(run.eventCount(), 60_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.sendJson(200, r.json(), Map.of());
    }

    private void cancel(FakeExchange ex, FakeResponse r) throws IOException {
        if (!r.background) {
            error(ex, 400, "Only responses created with background=true can be cancelled.", "invalid_value");
            return;
        }
        r.run().cancelNow();
        ex.sendJson(200, r.json(), Map.of());
    }

    private interface ConversationAction {
        void apply(V2Conversation c) throws IOException;
    }

    private interface ResponseAction {
        void apply(FakeResponse r) throws IOException;
    }

    private void withConversation(FakeExchange ex, String id, ConversationAction action) throws IOException {
        V2Conversation c;
        synchronized (this) {
            c = conversations.get(id);
        }
        if (c == null) {
            error(ex, 404, "Conversation with id '" + id + "' not found.", "not_found");
        } else {
            action.apply(c);
        }
    }

    private void withResponse(FakeExchange ex, String id, ResponseAction action) throws IOException {
        FakeResponse r;
        synchronized (this) {
            r = responses.get(id);
        }
        if (r == null) {
            error(ex, 404, "Response with id '" + id + "' not found.", "not_found");
        } else {
            action.apply(r);
        }
    }

    static void error(FakeExchange ex, int status, String message, String code) throws IOException {
        ObjectNode root = Json.object();
        root.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param")
                .put("code", code);
        ex.sendJson(status, root, Map.of());
    }
}
