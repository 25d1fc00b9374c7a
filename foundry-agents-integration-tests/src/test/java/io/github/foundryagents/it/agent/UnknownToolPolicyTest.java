package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.UnknownToolException;
import io.github.foundryagents.core.agent.UnknownToolPolicy;
import io.github.foundryagents.core.chat.ChatRole;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class UnknownToolPolicyTest {

    private static final ScriptedConversation CALLS_A_MISSING_TOOL = ScriptedConversation.create()
            .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"ACME\"}"),
                    ScriptedToolCall.of("send_email", "{\"to\":\"boss@example.com\"}"))
            .then(turn -> Reply.text("Answered without email: " + turn.toolResult("send_email")));

    private final GuidanceTools tools = new GuidanceTools();

    @Test
    void failIsTheDefaultAndStopsBeforeAnyToolOfTheTurnRuns(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(CALLS_A_MISSING_TOOL);

        assertThatThrownBy(() -> client.agent().tools(tools, tools.fetchExternalData()).build().run("late orders?"))
                .isInstanceOfSatisfying(UnknownToolException.class, e -> {
                    assertThat(e.toolName()).isEqualTo("send_email");
                    assertThat(e.registeredTools()).containsExactly("search_database", "fetch_external_data");
                    assertThat(e.getMessage()).contains("'send_email', which is not registered (registered:"
                            + " search_database, fetch_external_data)").contains("UnknownToolPolicy.TELL_MODEL");
                    assertThat(e.iterations()).isEqualTo(1);
                    assertThat(e.transcript()).last().satisfies(m -> {
                        assertThat(m.role()).isEqualTo(ChatRole.ASSISTANT);
                        assertThat(m.toolCalls()).hasSize(2);
                    });
                });
        assertThat(tools.calls).isEmpty();
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void tellModelAnswersTheCallWithTheAvailableToolsAndRunsTheOthers(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(CALLS_A_MISSING_TOOL);

        AgentResult result = client.agent().tools(tools, tools.fetchExternalData())
                .unknownToolPolicy(UnknownToolPolicy.TELL_MODEL).build().run("late orders?");

        assertThat(result.answer()).isEqualTo("Answered without email: {\"error\":\"unknown_tool\",\"message\":"
                + "\"There is no tool named 'send_email'. Available tools: search_database, fetch_external_data.\"}");
        assertThat(tools.calls).containsExactly("search_database:ACME:null");
        assertThat(fake.journal().last().toolResults()).hasSize(2);
    }
}
