package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, for assertions.
 *
 * @param method the HTTP method
 * @param path the path without query string
 * @param query query parameters (first value of each)
 * @param headers request headers, names in lower case, every value
 * @param body the parsed JSON body, or a JSON null when there was none or it was not JSON
 * @param rawBody the body as sent
 * @param deployment the deployment addressed (from the path or the body's {@code model}), or {@code null}
 * @param receivedAt when it arrived
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
        Map<String, List<String>> headers, JsonNode body, String rawBody, String deployment, Instant receivedAt) {

    /**
     * @param name a header name in any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the messages array of a chat request, or a JSON missing node */
    public JsonNode messages() {
        return body.path("messages");
    }

    /** @return how many assistant messages the conversation holds: the turns the model has already answered */
    public int assistantTurns() {
        int turns = 0;
        for (JsonNode m : messages()) {
            turns += "assistant".equals(m.path("role").asText()) ? 1 : 0;
        }
        return turns;
    }

    /**
     * @return the tool messages after the last assistant message, in order: the results of the model's latest tool
     *     calls, each with the name of the function it answers
     */
    public List<ToolResultMessage> toolResults() {
        Map<String, String> names = new java.util.HashMap<>();
        List<ToolResultMessage> results = new java.util.ArrayList<>();
        for (JsonNode m : messages()) {
            String role = m.path("role").asText();
            if ("assistant".equals(role)) {
                results.clear();
                m.path("tool_calls").forEach(c -> names.put(c.path("id").asText(), c.path("function").path("name")
                        .asText()));
            } else if ("tool".equals(role)) {
                String id = m.path("tool_call_id").asText();
                JsonNode content = m.path("content");
                results.add(new ToolResultMessage(id, names.get(id), content.isTextual() ? content.asText()
                        : content.toString()));
            }
        }
        return List.copyOf(results);
    }
}
