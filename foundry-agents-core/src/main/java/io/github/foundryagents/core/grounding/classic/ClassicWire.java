package io.github.foundryagents.core.grounding.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.grounding.AgentSpec;
import io.github.foundryagents.core.grounding.BingToolJson;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.core.grounding.SearchQueries;
import io.github.foundryagents.core.grounding.ToolOutput;
import io.github.foundryagents.core.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the classic Agent Service (api-version 2025-05-01): request bodies out, runs, messages and run steps
 * in. Stateless.
 */
final class ClassicWire {

    private ClassicWire() {
    }

    static ObjectNode agentBody(AgentSpec spec) {
        ObjectNode body = Json.object().put("model", spec.deployment()).put("name", spec.name());
        if (spec.instructions() != null) {
            body.put("instructions", spec.instructions());
        }
        if (spec.temperature() != null) {
            body.put("temperature", spec.temperature());
        }
        ArrayNode tools = body.putArray("tools");
        spec.bingTool().ifPresent(b -> tools.add(BingToolJson.of(b, BingToolJson.CLASSIC_FIELD)));
        spec.functionTools().forEach(t -> tools.add(functionTool(t)));
        return body;
    }

    private static ObjectNode functionTool(ToolDefinition t) {
        ObjectNode tool = Json.object().put("type", "function");
        ObjectNode fn = tool.putObject("function").put("name", t.name());
        if (t.description() != null) {
            fn.put("description", t.description());
        }
        fn.set("parameters", t.parameters());
        return tool;
    }

    static ObjectNode threadBody(String question) {
        ObjectNode body = Json.object();
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return body;
    }

    static ObjectNode toolOutputsBody(List<ToolOutput> outputs, boolean stream) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("tool_outputs");
        outputs.forEach(o -> list.addObject().put("tool_call_id", o.callId()).put("output", o.output()));
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    static RunSnapshot run(JsonNode run) {
        JsonNode error = run.get("last_error");
        return new RunSnapshot(Json.text(run, "id"), RunStatus.fromWire(Json.text(run, "status")),
                Json.text(error, "code"), Json.text(error, "message"),
                Json.text(run.get("incomplete_details"), "reason"), usage(run.get("usage")), toolCalls(run), null);
    }

    private static TokenUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long prompt = usage.path("prompt_tokens").asLong();
        long completion = usage.path("completion_tokens").asLong();
        // the documented run usage has only the counts; details are read when a run carries the chat shape
        return new TokenUsage(prompt, completion, usage.has("total_tokens") ? usage.path("total_tokens").asLong()
                : prompt + completion, usage.path("prompt_tokens_details").path("cached_tokens").asLong(),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong());
    }

    private static List<ToolCall> toolCalls(JsonNode run) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : run.path("required_action").path("submit_tool_outputs").path("tool_calls")) {
            if ("function".equals(Json.text(c, "type"))) {
                JsonNode fn = c.path("function");
                calls.add(new ToolCall(Json.text(c, "id"), Json.text(fn, "name"), Json.text(fn, "arguments")));
            }
        }
        return calls;
    }

    /**
     * @param message a {@code thread.message}
     * @param searchQueries the queries the run made, if known
     * @return its text parts and url citations; citation offsets are relative to the joined text
     */
    static RunAnswer answer(JsonNode message, List<String> searchQueries) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (JsonNode part : message.path("content")) {
            if (!"text".equals(Json.text(part, "type"))) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            int offset = text.length();
            text.append(part.path("text").path("value").asText(""));
            for (JsonNode a : part.path("text").path("annotations")) {
                if ("url_citation".equals(Json.text(a, "type")) && Json.text(a.path("url_citation"), "url") != null) {
                    JsonNode c = a.path("url_citation");
                    citations.add(new Citation(Json.text(c, "title"), Json.text(c, "url"), Json.text(a, "text"),
                            shifted(a, "start_index", offset), shifted(a, "end_index", offset)));
                }
            }
        }
        return new RunAnswer(text.toString(), citations, searchQueries);
    }

    private static int shifted(JsonNode annotation, String field, int offset) {
        JsonNode v = annotation.get(field);
        return v == null || !v.canConvertToInt() ? -1 : v.asInt() + offset;
    }

    /**
     * @param step a {@code thread.run.step}
     * @return the Bing queries in its tool calls
     */
    static List<String> searchQueries(JsonNode step) {
        List<String> queries = new ArrayList<>();
        for (JsonNode call : step.path("step_details").path("tool_calls")) {
            if ("bing_grounding".equals(Json.text(call, "type"))) {
                String q = SearchQueries.fromRequestUrl(Json.text(call.path("bing_grounding"), "requesturl"));
                if (q != null) {
                    queries.add(q);
                }
            }
        }
        return queries;
    }
}
