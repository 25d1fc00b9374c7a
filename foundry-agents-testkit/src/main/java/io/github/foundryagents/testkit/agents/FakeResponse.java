package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.time.Instant;

/**
 * One response of the new Agent Service in the fake: its run, the agent version it ran, its output items. The
 * output is written by the renderer under the run's lock and read under it.
 */
final class FakeResponse {

    final String agentName;
    final ObjectNode agentVersion;
    final boolean background;
    final V2Conversation conversation;
    final ArrayNode output = Json.mapper().createArrayNode();
    private FakeRun run;

    FakeResponse(String agentName, ObjectNode agentVersion, boolean background, V2Conversation conversation) {
        this.agentName = agentName;
        this.agentVersion = agentVersion;
        this.background = background;
        this.conversation = conversation;
    }

    void attach(FakeRun r) {
        this.run = r;
    }

    FakeRun run() {
        return run;
    }

    /** @return the status as the Responses API names it */
    String status() {
        String s = run.status();
        return switch (s) {
            case "requires_action", "cancelling" -> "in_progress";
            case "expired" -> "failed";
            default -> s;
        };
    }

    ObjectNode json() {
        synchronized (run) {
            String status = status();
            ObjectNode r = Json.object().put("id", run.id()).put("object", "response")
                    .put("created_at", (double) run.createdAt().getEpochSecond()).put("status", status)
                    .put("background", background);
            Instant ended = run.endedAt();
            if (ended != null && status.equals("completed")) {
                r.put("completed_at", ended.getEpochSecond());
            } else {
                r.putNull("completed_at");
            }
            if (status.equals("failed")) {
                boolean expired = run.status().equals("expired");
                r.putObject("error").put("code", expired ? "expired" : run.script().code())
                        .put("message", expired ? "The response expired." : run.script().message());
            } else {
                r.putNull("error");
            }
            if (status.equals("incomplete")) {
                r.putObject("incomplete_details").put("reason", run.script().code());
            } else {
                r.putNull("incomplete_details");
            }
            ObjectNode definition = (ObjectNode) agentVersion.path("definition");
            r.set("instructions", definition.path("instructions").isMissingNode() ? null
                    : definition.get("instructions"));
            r.put("model", definition.path("model").asText()).putNull("max_output_tokens");
            r.putObject("agent_reference").put("type", "agent_reference").put("name", agentName)
                    .put("version", agentVersion.path("version").asText());
            r.putObject("conversation").put("id", conversation.id());
            r.set("output", output.deepCopy());
            r.put("parallel_tool_calls", true).putNull("previous_response_id");
            r.putObject("reasoning").putNull("effort").putNull("summary");
            r.put("store", true).put("temperature", definition.path("temperature").asDouble(1.0));
            r.putObject("text").putObject("format").put("type", "text");
            r.put("tool_choice", "auto").putArray("tools");
            r.put("top_p", 1.0).put("truncation", "disabled");
            boolean usage = ended != null && !status.equals("cancelled");
            r.set("usage", usage ? ResponsesJson.usage(run, run.answer().text(run.toolOutputs())) : null);
            r.putNull("user");
            r.putObject("metadata");
            return r;
        }
    }
}
