package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ToolCall;
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
}
