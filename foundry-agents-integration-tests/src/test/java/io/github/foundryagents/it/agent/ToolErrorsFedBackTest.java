package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.AgentListener;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.ToolCallResult;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.ToolResultMessage;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Bad arguments, failing tools and slow tools become tool messages; the model repairs and the run goes on. */
@WithFakeFoundry
class ToolErrorsFedBackTest {

    private final GuidanceTools tools = new GuidanceTools();

    @Test
    void malformedJsonIsExplainedAndTheRepairedCallRunsOnTheNextTurn(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\": \"ACME\", \"limit\": 1"))
                .then(turn -> turn.toolResult("search_database").contains("not valid JSON")
                        ? Reply.toolCall("search_database", "{\"query\":\"ACME\",\"limit\":1}")
                        : Reply.text("the model saw no error"))
                .then(turn -> Reply.text("Repaired: " + turn.toolResult("search_database"))));

        AgentResult result = client.agent().tools(tools).build().run("late ACME orders?");

        assertThat(result.answer()).startsWith("Repaired: [{\"id\":\"o-7\"");
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(tools.calls).containsExactly("search_database:ACME:1");
        ToolResultMessage error = fake.journal().chatRequests().get(1).toolResults().get(0);
        assertThat(error.toolCallId()).isEqualTo("call_1_1");
        JsonNode content = json(error.content());
        assertThat(content.path("error").asText()).isEqualTo("invalid_arguments");
        assertThat(content.path("message").asText())
                .startsWith("Invalid arguments for tool 'search_database': the arguments are not valid JSON")
                .contains("line 1, column");
    }

    @Test
    void argumentsThatDoNotBindAreExplainedWithThePropertyPath(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("search_database", "{\"limit\":\"ten\",\"qurey\":\"ACME\"}"))
                .thenText("gave up"));

        client.agent().tools(tools).build().run("late ACME orders?");

        String message = json(fake.journal().last().toolResults().get(0).content()).path("message").asText();
        assertThat(message).contains("missing required property 'query'")
                .contains("unknown property 'qurey' (expected one of: query, limit)");
        assertThat(tools.calls).isEmpty();
    }

    @Test
    void aToolThatThrowsIsReportedToTheModelAndTheRunContinues(FakeFoundry fake, AgentClient client) {
        ToolFunction failing = ToolFunction.of("fetch_external_data", "Fetch data from external API",
                GuidanceTools.FetchArgs.class, args -> {
                    throw new IllegalStateException("upstream API returned 503");
                });
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("fetch_external_data", "{\"endpoint\":\"/carriers\"}"),
                        ScriptedToolCall.of("search_database", "{\"query\":\"ACME\"}"))
                .then(turn -> Reply.text("The carrier API is down; from the database: "
                        + turn.toolResult("search_database"))));

        AgentResult result = client.agent().tools(tools, failing).build().run("late ACME orders?");

        assertThat(result.answer()).startsWith("The carrier API is down; from the database: [{");
        List<ToolResultMessage> sent = fake.journal().last().toolResults();
        assertThat(sent).extracting(ToolResultMessage::toolCallId).containsExactly("call_1_1", "call_1_2");
        assertThat(json(sent.get(0).content())).isEqualTo(json("{\"error\":\"tool_failed\",\"message\":"
                + "\"Tool 'fetch_external_data' failed: IllegalStateException: upstream API returned 503\"}"));
    }

    @Test
    void aToolThatRunsTooLongIsInterruptedAndTheModelIsToldSo(FakeFoundry fake, AgentClient client) {
        AtomicBoolean interrupted = new AtomicBoolean();
        ToolFunction slow = GuidanceTools.slowFetch(null, interrupted);
        List<ToolCallResult> results = new CopyOnWriteArrayList<>();
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("fetch_external_data", "{\"endpoint\":\"/slow\"}"))
                .then(turn -> Reply.text("timed out: " + turn.toolResult("fetch_external_data"))));

        long before = System.nanoTime();
        AgentResult result = client.agent().tools(slow).toolTimeout(Duration.ofMillis(200))
                .listener(new AgentListener() {
                    @Override
                    public void onToolResult(int iteration, ToolCallResult r) {
                        results.add(r);
                    }
                }).build().run("carrier status?");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ToolCallResult.Outcome.TIMED_OUT);
            assertThat(r.elapsed()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
        });
        JsonNode content = json(fake.journal().last().toolResults().get(0).content());
        assertThat(content.path("error").asText()).isEqualTo("timeout");
        assertThat(content.path("message").asText())
                .isEqualTo("Tool 'fetch_external_data' did not finish within 200ms and was stopped. Try a narrower"
                        + " request or another approach.");
        assertThat(result.answer()).startsWith("timed out: {\"error\":\"timeout\"");
        awaitTrue(interrupted);
    }

    static void awaitTrue(AtomicBoolean flag) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!flag.get() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertThat(flag).as("the tool's thread was interrupted").isTrue();
    }

    static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
