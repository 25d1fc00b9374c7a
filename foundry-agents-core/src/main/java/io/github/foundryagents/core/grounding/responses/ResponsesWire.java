package io.github.foundryagents.core.grounding.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.grounding.AgentRef;
import io.github.foundryagents.core.grounding.AgentSpec;
import io.github.foundryagents.core.grounding.BingToolJson;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.core.grounding.ToolOutput;
import io.github.foundryagents.core.http.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON of the new Agent Service: prompt agent definitions, conversations and responses out; responses in.
 * Stateless.
 */
final class ResponsesWire {

    private ResponsesWire() {
    }

    static ObjectNode definition(AgentSpec spec) {
        ObjectNode d = Json.object().put("kind", "prompt").put("model", spec.deployment());
        if (spec.instructions() != null) {
            d.put("instructions", spec.instructions());
        }
        if (spec.temperature() != null) {
            d.put("temperature", spec.temperature());
        }
        ArrayNode tools = d.putArray("tools");
        spec.bingTool().ifPresent(b -> tools.add(BingToolJson.of(b, BingToolJson.RESPONSES_FIELD)));
        spec.functionTools().forEach(t -> tools.add(functionTool(t)));
        return d;
    }

    private static ObjectNode functionTool(ToolDefinition t) {
        ObjectNode tool = Json.object().put("type", "function").put("name", t.name());
        if (t.description() != null) {
            tool.put("description", t.description());
        }
        tool.set("parameters", t.parameters());
        tool.put("strict", t.strict());
        return tool;
    }

    static ObjectNode conversation(String question) {
        ObjectNode body = Json.object();
        body.putArray("items").addObject().put("type", "message").put("role", "user").put("content", question);
        return body;
    }

    /**
     * @param agent the agent to run
     * @param conversationId the conversation holding the question
     * @param input items to add (function call outputs), may be empty
     * @param stream whether to stream events
     * @return a background response request: background responses can be polled, cancelled and resumed
     */
    static ObjectNode response(AgentRef agent, String conversationId, List<ToolOutput> input, boolean stream) {
        ObjectNode body = Json.object();
        ObjectNode ref = body.putObject("agent_reference").put("type", "agent_reference").put("name", agent.name());
        if (agent.version() != null) {
            ref.put("version", agent.version());
        }
        body.put("conversation", conversationId);
        if (!input.isEmpty()) {
            ArrayNode items = body.putArray("input");
            input.forEach(o -> items.addObject().put("type", "function_call_output").put("call_id", o.callId())
                    .put("output", o.output()));
        }
        body.put("background", true).put("store", true);
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    /**
     * @param response a {@code response} object
     * @return its state; a completed response whose output asks for function calls is
     *     {@link RunStatus#REQUIRES_ACTION}, the classic service's name for it
     */
    static RunSnapshot snapshot(JsonNode response) {
        RunStatus status = RunStatus.fromWire(Json.text(response, "status"));
        if (status == RunStatus.CANCELLING) {
            status = RunStatus.UNKNOWN; // not a Responses API status
        }
        List<ToolCall> calls = functionCalls(response.path("output"));
        if (status == RunStatus.COMPLETED && !calls.isEmpty()) {
            status = RunStatus.REQUIRES_ACTION;
        }
        JsonNode error = response.get("error");
        RunAnswer answer = status == RunStatus.COMPLETED ? answer(response.path("output")) : null;
        return new RunSnapshot(Json.text(response, "id"), status, Json.text(error, "code"), Json.text(error, "message"),
                Json.text(response.get("incomplete_details"), "reason"), usage(response.get("usage")), calls, answer);
    }

    private static List<ToolCall> functionCalls(JsonNode output) {
        Set<String> answered = new HashSet<>();
        for (JsonNode item : output) {
            if ("function_call_output".equals(Json.text(item, "type"))) {
                answered.add(Json.text(item, "call_id"));
            }
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode item : output) {
            if ("function_call".equals(Json.text(item, "type")) && !answered.contains(Json.text(item, "call_id"))) {
                calls.add(new ToolCall(Json.text(item, "call_id"), Json.text(item, "name"),
                        Json.text(item, "arguments")));
            }
        }
        return calls;
    }

    private static TokenUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long in = usage.path("input_tokens").asLong();
        long out = usage.path("output_tokens").asLong();
        return new TokenUsage(in, out, usage.has("total_tokens") ? usage.path("total_tokens").asLong() : in + out,
                usage.path("input_tokens_details").path("cached_tokens").asLong(),
                usage.path("output_tokens_details").path("reasoning_tokens").asLong());
    }

    /**
     * @param output a response's {@code output} items
     * @return the assistant messages' text and citations, and the Bing queries
     */
    static RunAnswer answer(JsonNode output) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (JsonNode item : output) {
            String type = Json.text(item, "type");
            if ("bing_grounding_call".equals(type)) {
                String q = query(Json.text(item, "arguments"));
                if (q != null) {
                    queries.add(q);
                }
            } else if ("message".equals(type) && "assistant".equals(Json.text(item, "role"))) {
                for (JsonNode part : item.path("content")) {
                    if ("output_text".equals(Json.text(part, "type"))) {
                        appendPart(text, part, citations);
                    }
                }
            }
        }
        return new RunAnswer(text.toString(), citations, queries);
    }

    private static void appendPart(StringBuilder text, JsonNode part, List<Citation> citations) {
        if (text.length() > 0) {
            text.append('\n');
        }
        int offset = text.length();
        String value = part.path("text").asText("");
        text.append(value);
        for (JsonNode a : part.path("annotations")) {
            String url = Json.text(a, "url");
            if (!"url_citation".equals(Json.text(a, "type")) || url == null) {
                continue;
            }
            int start = a.path("start_index").asInt(-1);
            int end = a.path("end_index").asInt(-1);
            boolean span = start >= 0 && end >= start && end <= value.length();
            citations.add(new Citation(Json.text(a, "title"), url, span ? value.substring(start, end) : "",
                    span ? start + offset : -1, span ? end + offset : -1));
        }
    }

    /**
     * @param arguments a {@code bing_grounding_call}'s arguments: JSON with a {@code query}, or plain text
     * @return the query
     */
    static String query(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return null;
        }
        try {
            JsonNode args = Json.parse(arguments.getBytes(StandardCharsets.UTF_8));
            String q = args.isObject() ? Json.text(args, "query") : args.isTextual() ? args.asText() : null;
            return q == null || q.isBlank() ? null : q;
        } catch (UncheckedIOException e) {
            return arguments.trim();
        }
    }
}
