package io.github.foundryagents.redis.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.http.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cached {@link ChatResponse} as JSON text, versioned so a process never misreads an entry written by another
 * version of the library: an entry of another {@code v} is a miss. Stateless.
 */
final class ResponseJson {

    /** The format written; bump it when the fields change meaning. */
    static final int VERSION = 1;

    private ResponseJson() {
    }

    static String write(ChatResponse r) {
        ObjectNode o = Json.object().put("v", VERSION).put("id", r.id()).put("content", r.content().orElse(null))
                .put("finish_reason", r.finishReason().name()).put("model", r.model())
                .put("request_id", r.requestId().orElse(null));
        r.toolCalls().forEach(t -> o.withArray("tool_calls").addObject().put("id", t.id()).put("name", t.name())
                .put("arguments", t.arguments()));
        o.putObject("usage").put("prompt", r.usage().promptTokens()).put("completion", r.usage().completionTokens())
                .put("total", r.usage().totalTokens());
        o.putObject("route").put("deployment", r.route().deployment()).put("reason", r.route().reason().name())
                .put("detail", r.route().detail());
        ObjectNode limits = o.putObject("rate_limits");
        r.rateLimits().raw().forEach(limits::put);
        r.cost().ifPresent(c -> o.putObject("cost").put("input", c.input().toPlainString())
                .put("output", c.output().toPlainString()).put("currency", c.currency()));
        return o.toString();
    }

    /** @return the response, or empty when the text is not an entry this version wrote */
    static Optional<ChatResponse> read(String text) {
        JsonNode o;
        try {
            o = Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (o == null || o.path("v").asInt() != VERSION || !o.path("route").isObject()) {
            return Optional.empty();
        }
        List<ToolCall> tools = new ArrayList<>();
        o.path("tool_calls").forEach(t -> tools.add(new ToolCall(t.path("id").asText(), t.path("name").asText(),
                t.path("arguments").asText())));
        Map<String, String> limits = new LinkedHashMap<>();
        o.path("rate_limits").properties().forEach(e -> limits.put(e.getKey(), e.getValue().asText()));
        JsonNode usage = o.path("usage");
        JsonNode route = o.path("route");
        JsonNode cost = o.path("cost");
        return Optional.of(ChatResponse.builder().id(text(o, "id")).content(text(o, "content"))
                .toolCalls(tools).finishReason(FinishReason.valueOf(o.path("finish_reason").asText("UNKNOWN")))
                .usage(new TokenUsage(usage.path("prompt").asLong(), usage.path("completion").asLong(),
                        usage.path("total").asLong()))
                .model(text(o, "model"))
                .route(new Route(route.path("deployment").asText(), Route.Reason.valueOf(route.path("reason")
                        .asText()), route.path("detail").asText()))
                .rateLimits(new RateLimitHeaders(limits)).requestId(text(o, "request_id"))
                .cost(cost.isObject() ? new Cost(new BigDecimal(cost.path("input").asText()),
                        new BigDecimal(cost.path("output").asText()), cost.path("currency").asText()) : null)
                .build());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
