package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Responses API conversation in the fake: its items, and the script of a response that stopped for a function
 * call, which the next response (carrying the call's output) continues. Thread-safe.
 */
final class V2Conversation {

    final ObjectNode json;
    final List<ObjectNode> items = new CopyOnWriteArrayList<>();
    private RunScript pendingScript;
    private String pendingCallId;

    V2Conversation(ObjectNode json) {
        this.json = json;
    }

    String id() {
        return json.path("id").asText();
    }

    synchronized void awaitOutput(RunScript script, String callId) {
        pendingScript = script;
        pendingCallId = callId;
    }

    /**
     * @param callId the call id of a submitted {@code function_call_output}
     * @return the script to continue, or {@code null} when no function call with that id waits
     */
    synchronized RunScript takePending(String callId) {
        if (pendingScript == null || !pendingCallId.equals(callId)) {
            return null;
        }
        RunScript s = pendingScript;
        pendingScript = null;
        return s;
    }

    String lastUserText() {
        for (int i = items.size() - 1; i >= 0; i--) {
            ObjectNode item = items.get(i);
            if ("message".equals(item.path("type").asText()) && "user".equals(item.path("role").asText())) {
                return item.path("content").path(0).path("text").asText("");
            }
        }
        return "";
    }
}
