package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class ScriptedConversationTest {

    private static final ScriptedConversation TWO_TOOLS = ScriptedConversation.create()
            .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"late\"}"),
                    ScriptedToolCall.of("fetch_external_data", "{\"endpoint\":\"/carriers\"}"))
            .then(turn -> Reply.text("turn " + turn.turn() + ": " + turn.toolResult("search_database") + " / "
                    + turn.toolResult("fetch_external_data")));

    @Test
    void answersWithToolCallsThenWithTextBuiltFromTheResultsSentBack(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(TWO_TOOLS);
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("Which orders are late?")));

        ChatResponse first = client.chat(ChatRequest.builder().messages(messages).build());
        assertThat(first.toolCalls()).containsExactly(
                new ToolCall("call_1_1", "search_database", "{\"query\":\"late\"}"),
                new ToolCall("call_1_2", "fetch_external_data", "{\"endpoint\":\"/carriers\"}"));

        messages.add(first.toMessage());
        messages.add(ChatMessage.tool("call_1_2", "{\"carriers\":[\"DHL\"]}"));
        messages.add(ChatMessage.tool("call_1_1", "[\"order 7\"]"));
        ChatResponse second = client.chat(ChatRequest.builder().messages(messages).build());

        assertThat(second.content()).contains("turn 2: [\"order 7\"] / {\"carriers\":[\"DHL\"]}");
        assertThat(fake.journal().last().toolResults()).containsExactly(
                new ToolResultMessage("call_1_2", "fetch_external_data", "{\"carriers\":[\"DHL\"]}"),
                new ToolResultMessage("call_1_1", "search_database", "[\"order 7\"]"));
    }

    @Test
    void theStepFollowsTheConversationSoARepeatedRequestGetsTheSameAnswer(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(TWO_TOOLS);
        ChatRequest opening = ChatRequest.of("Which orders are late?");

        ChatResponse once = client.chat(opening);
        ChatResponse again = client.chat(opening);

        assertThat(again.toolCalls()).isEqualTo(once.toolCalls());
    }

    @Test
    void aRequestBeyondTheLastStepIsRefusedSayingSo(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create().thenText("done"));

        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("a").message(ChatMessage.assistant("done"))
                .user("b").build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("fake_script_exhausted")
                .hasMessageContaining("has 1 steps");
    }

    @Test
    void unansweredToolCallsGetAzuresBadRequest(FakeFoundry fake, AgentClient client) {
        ChatMessage calls = ChatMessage.assistant(null, List.of(new ToolCall("call_a", "f", "{}"),
                new ToolCall("call_b", "f", "{}")));

        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x").message(calls)
                .message(ChatMessage.tool("call_a", "1")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("did not have response messages: call_b");
        assertThat(fake.journal().last().toolResults()).extracting(ToolResultMessage::toolCallId)
                .containsExactly("call_a");
        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x").message(calls).user("next").build()))
                .hasMessageContaining("did not have response messages: call_a, call_b");
    }

    @Test
    void aToolMessageThatAnswersNoCallGetsAzuresBadRequest(FakeFoundry fake, AgentClient client) {
        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x")
                .message(ChatMessage.tool("call_zz", "orphan")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("must be a response to a preceeding message with 'tool_calls'");
    }
}
