package io.github.foundryagents.it.grounding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.grounding.FunctionToolExecutor;
import io.github.foundryagents.core.http.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real, small function tool set for the tests: a weather lookup that records its calls and can fail. */
final class WeatherTools implements FunctionToolExecutor {

    final List<ToolCall> calls = new CopyOnWriteArrayList<>();
    private final boolean failing;

    WeatherTools(boolean failing) {
        this.failing = failing;
    }

    @Override
    public List<ToolDefinition> definitions() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        schema.putArray("required").add("city");
        return List.of(new ToolDefinition("get_weather", "Current weather of a city", schema, false));
    }

    @Override
    public String execute(ToolCall call) {
        calls.add(call);
        if (!call.name().equals("get_weather")) {
            throw new IllegalArgumentException("unknown tool " + call.name());
        }
        if (failing) {
            throw new IllegalStateException("weather service down");
        }
        String city = Json.parse(call.arguments().getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("city")
                .asText();
        return "{\"city\":\"" + city + "\",\"celsius\":12}";
    }
}
