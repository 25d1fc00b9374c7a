package io.github.foundryagents.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.http.HttpResult;
import io.github.foundryagents.core.http.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Azure OpenAI chat-completions JSON: request bodies out, responses in. Stateless.
 *
 * <p>{@link #requestBody} is public because the body is, by construction, everything a request sends that can
 * change the answer: the response cache hashes it into its key, so a field added to the wire enters the key too.
 */
public final class ChatWire {

    private ChatWire() {
    }

    /**
     * @param request the request
     * @param model the deployment name to put in {@code model} (v1 path), or {@code null} (deployment path)
     * @return the request body, a new tree the caller may change
     */
    public static ObjectNode requestBody(ChatRequest request, String model) {
        ObjectNode body = Json.object();
        if (model != null) {
            body.put("model", model);
        }
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.add(message(m)));
        request.temperature().ifPresent(t -> body.put("temperature", t));
        request.topP().ifPresent(p -> body.put("top_p", p));
        request.maxTokens().ifPresent(n -> body.put("max_tokens", n));
        request.seed().ifPresent(s -> body.put("seed", s));
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(t -> tools.add(tool(t)));
        }
        request.toolChoice().ifPresent(choice -> body.set("tool_choice", toolChoice(choice)));
        request.responseFormat().ifPresent(f -> body.set("response_format", f));
        return body;
    }

    /**
     * @param result a 2xx response
     * @param deployment the deployment that was called
     * @return the parsed answer
     * @throws FoundryException when the body is not a chat completion
     */
    static ChatResponse response(HttpResult result, String deployment) {
        JsonNode root;
        try {
            root = Json.parse(result.body());
        } catch (UncheckedIOException e) {
            throw malformed(deployment, result, "body is not JSON");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw malformed(deployment, result, "no choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        return ChatResponse.builder()
                .id(Json.text(root, "id"))
                .model(Json.text(root, "model"))
                .content(Json.text(message, "content"))
                .toolCalls(toolCalls(message.get("tool_calls")))
                .finishReason(FinishReason.fromWire(Json.text(choice, "finish_reason")))
                .usage(usage(root.get("usage")))
                .route(new Route(deployment, Route.Reason.EXPLICIT, ""))
                .rateLimits(rateLimits(result))
                .requestId(result.requestId())
                .build();
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode node = Json.object().put("role", m.role().wireName());
        if (m.content() != null) {
            node.put("content", m.content());
        } else {
            node.putNull("content");
        }
        if (!m.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : m.toolCalls()) {
                ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
                c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        if (m.toolCallId() != null) {
            node.put("tool_call_id", m.toolCallId());
        }
        return node;
    }

    private static ObjectNode tool(ToolDefinition t) {
        ObjectNode node = Json.object().put("type", "function");
        ObjectNode fn = node.putObject("function").put("name", t.name());
        if (t.description() != null) {
            fn.put("description", t.description());
        }
        fn.set("parameters", t.parameters());
        if (t.strict()) {
            fn.put("strict", true);
        }
        return node;
    }

    private static JsonNode toolChoice(String choice) {
        if (choice.equals("auto") || choice.equals("none") || choice.equals("required")) {
            return Json.mapper().getNodeFactory().textNode(choice);
        }
        ObjectNode named = Json.object().put("type", "function");
        named.putObject("function").put("name", choice);
        return named;
    }

    private static List<ToolCall> toolCalls(JsonNode calls) {
        List<ToolCall> out = new ArrayList<>();
        if (calls != null && calls.isArray()) {
            for (JsonNode c : calls) {
                JsonNode fn = c.path("function");
                out.add(new ToolCall(Json.text(c, "id"), Json.text(fn, "name"), Json.text(fn, "arguments")));
            }
        }
        return out;
    }

    private static TokenUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return TokenUsage.ZERO;
        }
        long prompt = usage.path("prompt_tokens").asLong();
        long completion = usage.path("completion_tokens").asLong();
        long total = usage.has("total_tokens") ? usage.path("total_tokens").asLong() : prompt + completion;
        return new TokenUsage(prompt, completion, total);
    }

    private static RateLimitHeaders rateLimits(HttpResult result) {
        Map<String, String> raw = new TreeMap<>();
        result.headers().stream()
                .filter(h -> RateLimitHeaders.isRateLimitHeader(h.getName()))
                .forEach(h -> raw.put(h.getName(), h.getValue()));
        return new RateLimitHeaders(raw);
    }

    private static FoundryException malformed(String deployment, HttpResult result, String why) {
        return new FoundryException("Chat completion on deployment '" + deployment + "' returned HTTP "
                + result.status() + " with a body that is not a chat completion (" + why + "); is the endpoint an"
                + " Azure OpenAI resource?", null, result.status(), null, false, result.requestId());
    }
}
