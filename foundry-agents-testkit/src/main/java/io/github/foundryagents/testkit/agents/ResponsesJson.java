package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.time.Instant;
import java.util.List;

/**
 * JSON objects of the new Agent Service (agents, versions, conversations, responses and their output items) as
 * the service writes them. Stateless.
 */
final class ResponsesJson {

    private ResponsesJson() {
    }

    static ObjectNode version(String name, int version, ObjectNode definition) {
        ObjectNode v = Json.object().put("object", "agent.version").put("id", name + ":" + version).put("name", name)
                .put("version", Integer.toString(version)).put("description", "")
                .put("created_at", Instant.now().getEpochSecond());
        v.putObject("metadata");
        v.set("definition", definition);
        return v;
    }

    static ObjectNode agent(String name, ObjectNode latest) {
        ObjectNode a = Json.object().put("object", "agent").put("id", name).put("name", name).put("state", "enabled");
        a.putObject("versions").set("latest", latest);
        return a;
    }

    static ObjectNode conversation(String id) {
        ObjectNode c = Json.object().put("id", id).put("object", "conversation")
                .put("created_at", Instant.now().getEpochSecond());
        c.putObject("metadata");
        return c;
    }

    static ObjectNode userItem(String id, String text) {
        ObjectNode item = Json.object().put("type", "message").put("id", id).put("status", "completed")
                .put("role", "user");
        item.putArray("content").addObject().put("type", "input_text").put("text", text);
        return item;
    }

    static ObjectNode bingCall(String id, String callId, String query) {
        return Json.object().put("type", "bing_grounding_call").put("id", id).put("call_id", callId)
                .put("status", "completed").put("arguments", Json.object().put("query", query).toString());
    }

    static ObjectNode functionCall(String id, String callId, RunScript script) {
        return Json.object().put("type", "function_call").put("id", id).put("call_id", callId)
                .put("name", script.toolName()).put("arguments", script.toolArguments()).put("status", "completed");
    }

    /**
     * @return an assistant message whose one {@code output_text} part carries a flat {@code url_citation} per
     *     cited page, spanning the whole text
     */
    static ObjectNode message(String id, String text, List<RunScript.ScriptedCitation> citations) {
        ObjectNode item = Json.object().put("type", "message").put("id", id).put("status", "completed")
                .put("role", "assistant");
        ObjectNode part = item.putArray("content").addObject().put("type", "output_text").put("text", text);
        ArrayNode annotations = part.putArray("annotations");
        for (RunScript.ScriptedCitation c : citations) {
            annotations.addObject().put("type", "url_citation").put("url", c.url())
                    .put("title", c.title() == null ? "" : c.title()).put("start_index", 0)
                    .put("end_index", text.length());
        }
        part.putArray("logprobs");
        return item;
    }

    static ObjectNode usage(FakeRun run, String text) {
        int in = run.answer().promptTokens();
        int out = run.answer().completionTokens(text);
        ObjectNode u = Json.object().put("input_tokens", in);
        u.putObject("input_tokens_details").put("cached_tokens", orZero(run.answer().cachedTokens()));
        u.put("output_tokens", out);
        u.putObject("output_tokens_details").put("reasoning_tokens", orZero(run.answer().reasoningTokens()));
        u.put("total_tokens", in + out);
        return u;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
