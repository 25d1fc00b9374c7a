package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.http.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    void countsAboutFourCharactersPerTokenPlusMessageFraming() {
        ChatRequest request = ChatRequest.builder().system("You are terse.").user("x".repeat(400)).build();

        // priming 3 + (3 + ceil(14/4)=4) + (3 + 100)
        assertThat(TokenEstimate.promptTokens(request)).isEqualTo(113);
    }

    @Test
    void includesToolCallsTheConversationCarries() {
        ChatRequest request = ChatRequest.builder().user("weather?")
                .message(ChatMessage.assistant(null, List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))))
                .message(ChatMessage.tool("call_1", "sunny")).build();

        // 3 + (3 + 2) + (3 + 0 + 3 + 4) + (3 + 2)
        assertThat(TokenEstimate.promptTokens(request)).isEqualTo(23);
    }

    @Test
    void countsToolSchemasAsTheirCompactJson() {
        var schema = Json.object().put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        ToolDefinition tool = new ToolDefinition("get_weather", "Weather now", schema, false);
        ChatRequest request = ChatRequest.builder().user("hi").tools(List.of(tool)).build();

        assertThat(tool.parametersJson()).isEqualTo(tool.parameters().toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        // 3 + (3 + 1) + ceil(11/4)=3 + ceil(11/4)=3 + ceil(57/4)=15
        assertThat(TokenEstimate.promptTokens(request)).isEqualTo(28);
    }
}
