package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.time.Instant;
import java.util.List;

/**
 * JSON objects of the classic Agent Service as the service writes them: nullable fields present as {@code null},
 * timestamps in Unix seconds. Stateless.
 */
final class ClassicJson {

    /** Bing citation markers look like this in classic answers; 12 characters each. */
    static final String MARKER = "\u30103:%d\u2020source\u3011";

    private ClassicJson() {
    }

    static long seconds(Instant at) {
        return at.getEpochSecond();
    }

    static void time(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, seconds(at));
        }
    }

    static ObjectNode thread(String id) {
        ObjectNode t = Json.object().put("id", id).put("object", "thread").put("created_at", seconds(Instant.now()));
        t.putObject("metadata");
        t.putObject("tool_resources");
        return t;
    }

    static ObjectNode userMessage(String id, String threadId, String text) {
        ObjectNode m = message(id, threadId, "user", null, null);
        m.putArray("content").addObject().put("type", "text").putObject("text").put("value", text)
                .putArray("annotations");
        return m;
    }

    static ObjectNode message(String id, String threadId, String role, String assistantId, String runId) {
        long now = seconds(Instant.now());
        ObjectNode m = Json.object().put("id", id).put("object", "thread.message").put("created_at", now)
                .put("thread_id", threadId).put("status", "completed");
        m.putNull("incomplete_details");
        m.put("completed_at", now).putNull("incomplete_at");
        m.put("role", role).put("assistant_id", assistantId).put("run_id", runId);
        m.putArray("attachments");
        m.putObject("metadata");
        return m;
    }

    /**
     * @param text the answer text
     * @param citations cited pages; each gets a marker appended to the text
     * @return the {@code content} array of an assistant message
     */
    static ArrayNode answerContent(String text, List<RunScript.ScriptedCitation> citations) {
        StringBuilder value = new StringBuilder(text);
        ArrayNode annotations = Json.mapper().createArrayNode();
        for (int i = 0; i < citations.size(); i++) {
            String marker = String.format(MARKER, i);
            int start = value.length();
            value.append(marker);
            ObjectNode a = annotations.addObject().put("type", "url_citation").put("text", marker)
                    .put("start_index", start).put("end_index", value.length());
            ObjectNode c = a.putObject("url_citation").put("url", citations.get(i).url());
            if (citations.get(i).title() != null) {
                c.put("title", citations.get(i).title());
            }
        }
        ArrayNode content = Json.mapper().createArrayNode();
        ObjectNode textNode = content.addObject().put("type", "text").putObject("text")
                .put("value", value.toString());
        textNode.set("annotations", annotations);
        return content;
    }

    static ObjectNode run(FakeRun run, ObjectNode agent) {
        ObjectNode r = Json.object().put("id", run.id()).put("object", "thread.run")
                .put("created_at", seconds(run.createdAt())).put("assistant_id", agent.path("id").asText())
                .put("thread_id", run.conversationId()).put("status", run.status());
        String status = run.status();
        time(r, "started_at", run.startedAt());
        if (run.isEnded()) {
            r.putNull("expires_at");
        } else {
            r.put("expires_at", seconds(run.createdAt()) + 600);
        }
        time(r, "cancelled_at", status.equals("cancelled") ? run.endedAt() : null);
        time(r, "failed_at", status.equals("failed") ? run.endedAt() : null);
        time(r, "completed_at", status.equals("completed") ? run.endedAt() : null);
        r.set("required_action", status.equals("requires_action") ? requiredAction(run) : null);
        if (status.equals("failed")) {
            r.putObject("last_error").put("code", run.script().code()).put("message", run.script().message());
        } else {
            r.putNull("last_error");
        }
        r.put("model", agent.path("model").asText()).put("instructions", agent.path("instructions").asText(""));
        r.set("tools", agent.path("tools").deepCopy());
        r.putObject("tool_resources");
        r.putObject("metadata");
        r.set("temperature", agent.path("temperature").deepCopy());
        r.put("top_p", 1.0).putNull("max_completion_tokens").putNull("max_prompt_tokens");
        r.putObject("truncation_strategy").put("type", "auto").putNull("last_messages");
        if (status.equals("incomplete")) {
            r.putObject("incomplete_details").put("reason", run.script().code());
        } else {
            r.putNull("incomplete_details");
        }
        r.set("usage", run.isEnded() && !status.equals("cancelled") ? usage(run) : null);
        r.put("response_format", "auto").put("tool_choice", "auto").put("parallel_tool_calls", true);
        return r;
    }

    private static JsonNode requiredAction(FakeRun run) {
        ObjectNode action = Json.object().put("type", "submit_tool_outputs");
        ObjectNode call = action.putObject("submit_tool_outputs").putArray("tool_calls").addObject()
                .put("id", run.toolCallId()).put("type", "function");
        call.putObject("function").put("name", run.script().toolName()).put("arguments", run.script().toolArguments());
        return action;
    }

    static ObjectNode usage(FakeRun run) {
        int prompt = run.answer().promptTokens();
        int completion = run.answer().completionTokens(run.answer().text(run.toolOutputs()));
        ObjectNode u = Json.object().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        // the documented run usage has only the counts; scripted details come in the chat completions shape
        if (run.answer().cachedTokens() != null) {
            u.putObject("prompt_tokens_details").put("cached_tokens", run.answer().cachedTokens());
        }
        if (run.answer().reasoningTokens() != null) {
            u.putObject("completion_tokens_details").put("reasoning_tokens", run.answer().reasoningTokens());
        }
        return u;
    }

    static ObjectNode step(String id, FakeRun run, String assistantId, JsonNode details) {
        ObjectNode s = Json.object().put("id", id).put("object", "thread.run.step")
                .put("created_at", seconds(run.createdAt())).put("run_id", run.id())
                .put("assistant_id", assistantId).put("thread_id", run.conversationId())
                .put("type", details.path("type").asText()).put("status", "completed");
        s.putNull("cancelled_at");
        s.put("completed_at", seconds(Instant.now()));
        s.putNull("expired_at").putNull("failed_at").putNull("last_error");
        s.set("step_details", details);
        s.set("usage", Json.object().put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0));
        s.putObject("metadata");
        return s;
    }

    static ObjectNode bingStepDetails(String callId, String query) {
        ObjectNode d = Json.object().put("type", "tool_calls");
        ObjectNode call = d.putArray("tool_calls").addObject().put("id", callId).put("type", "bing_grounding");
        call.putObject("bing_grounding")
                .put("requesturl", "https://api.bing.microsoft.com/v7.0/search?q="
                        + java.net.URLEncoder.encode("search(query:" + query + ")", java.nio.charset.StandardCharsets.UTF_8))
                .put("response_metadata", "{'market': 'en-US', 'num_docs_retrieved': 5, 'num_docs_actually_used': 5}");
        return d;
    }

    static ObjectNode messageCreationDetails(String messageId) {
        ObjectNode d = Json.object().put("type", "message_creation");
        d.putObject("message_creation").put("message_id", messageId);
        return d;
    }

    static ObjectNode deleted(String id, String object) {
        return Json.object().put("id", id).put("object", object).put("deleted", true);
    }
}
