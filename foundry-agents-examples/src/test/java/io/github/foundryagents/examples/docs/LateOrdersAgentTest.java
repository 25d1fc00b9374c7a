package io.github.foundryagents.examples.docs;

import static io.github.foundryagents.examples.docs.AgentsSnippets.fetchExternalData;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.ToolResultMessage;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;

// Shown in docs/agents.md (DocSnippetsTest) and run here against the fake.
// snippet: agents#fake-test
@WithFakeFoundry
class LateOrdersAgentTest {
    @Test
    void answersFromBothTools(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"late\"}"),
                               ScriptedToolCall.of("fetch_external_data", "{\"endpoint\":\"/carriers\"}"))
                .then(turn -> Reply.text("Late: " + turn.toolResult("search_database"))));

        AgentResult result = client.agent().tools(new OrderTools(), fetchExternalData).build().run("Late orders?");

        assertThat(result.iterations()).isEqualTo(2);
        assertThat(fake.journal().last().toolResults())          // what the agent sent back
                .extracting(ToolResultMessage::toolCallId).containsExactly("call_1_1", "call_1_2");
    }
}
// end-snippet
