package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentListener;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.ToolCallResult;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatRole;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.ToolResultMessage;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The guidance's agent: search_database, then fetch_external_data, then an answer. */
@WithFakeFoundry
class AgentConversationTest {

    private static final ScriptedConversation SEARCH_THEN_FETCH_THEN_ANSWER = ScriptedConversation.create()
            .then(turn -> Reply.toolCalls(new ScriptedToolCall("call_search", "search_database",
                    "{\"query\":\"ACME\",\"limit\":1}")).withUsage(100, 20))
            .then(turn -> Reply.toolCalls(new ScriptedToolCall("call_fetch", "fetch_external_data",
                    "{\"endpoint\":\"/carriers/status\",\"params\":{\"order\":\"o-7\"}}")).withUsage(150, 25))
            .then(turn -> Reply.text("Order o-7 of ACME is late: DHL reports a 2-day delay.").withUsage(200, 15));

    private final GuidanceTools tools = new GuidanceTools();

    @Test
    void runsBothToolsAndAnswersWithTranscriptUsageIterationsAndDeployment(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);
        Agent agent = client.agent().tools(tools, tools.fetchExternalData()).maxIterations(10).build();

        AgentResult result = agent.run("Which ACME orders are late?", "The user is an account manager.");

        assertThat(result.answer()).isEqualTo("Order o-7 of ACME is late: DHL reports a 2-day delay.");
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.usage()).isEqualTo(new TokenUsage(450, 60, 510));
        assertThat(result.deployments()).containsExactly("gpt-4o");
        assertThat(tools.calls).containsExactly("search_database:ACME:1",
                "fetch_external_data:/carriers/status:{order=o-7}");
        assertThat(result.transcript()).extracting(ChatMessage::role).containsExactly(ChatRole.SYSTEM,
                ChatRole.USER, ChatRole.ASSISTANT, ChatRole.TOOL, ChatRole.ASSISTANT, ChatRole.TOOL,
                ChatRole.ASSISTANT);
        assertThat(result.transcript().get(0).content()).isEqualTo("You are a helpful assistant. The user is an"
                + " account manager.\nUse the available tools when you need to search for data or fetch external"
                + " information.\nAlways explain your reasoning before taking actions.");
        assertThat(result.transcript().get(2).toolCalls()).containsExactly(
                new ToolCall("call_search", "search_database", "{\"query\":\"ACME\",\"limit\":1}"));
    }

    @Test
    void sendsTheExactToolMessagesBackAndOffersBothToolsOnEveryTurn(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);

        client.agent().tools(tools, tools.fetchExternalData()).build().run("Which ACME orders are late?");

        List<RecordedRequest> requests = fake.journal().chatRequests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).toolResults()).containsExactly(new ToolResultMessage("call_search",
                "search_database", "[{\"id\":\"o-7\",\"customer\":\"ACME\",\"status\":\"late\"}]"));
        assertThat(requests.get(2).toolResults()).containsExactly(new ToolResultMessage("call_fetch",
                "fetch_external_data",
                "{\"endpoint\":\"/carriers/status\",\"carrier\":\"DHL\",\"delayDays\":2}"));
        JsonNode toolMessage = requests.get(1).messages().get(3);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_search");
        JsonNode assistant = requests.get(1).messages().get(2);
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"query\":\"ACME\",\"limit\":1}");
        for (RecordedRequest request : requests) {
            JsonNode body = request.body();
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
            assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
            assertThat(body.path("tools")).extracting(t -> t.path("function").path("name").asText())
                    .containsExactly("search_database", "fetch_external_data");
        }
        JsonNode search = requests.get(0).body().path("tools").get(0).path("function");
        assertThat(search.path("description").asText()).isEqualTo("Search the database for relevant records");
        assertThat(search.path("parameters").path("required").toString()).isEqualTo("[\"query\"]");
        assertThat(search.path("parameters").at("/properties/limit/description").asText())
                .isEqualTo("Maximum results");
    }

    @Test
    void everyTurnGoesThroughThePipelineMarkedNonCacheable(FakeFoundry fake) {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        AgentClient client = fake.clientBuilder().addInterceptor((request, chain) -> {
            seen.add(request);
            return chain.proceed(request);
        }).build();
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);

        client.agent().tools(tools, tools.fetchExternalData()).build().run("Which ACME orders are late?");

        assertThat(seen).hasSize(3).allSatisfy(r -> assertThat(r.cacheable()).contains(false));
    }

    @Test
    void deploymentsListEachDeploymentThatAnsweredOnce(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().addInterceptor((request, chain) -> chain.proceed(
                request.messages().size() > 2 ? request.toBuilder().deployment("gpt4-mini").build() : request))
                .build();
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);

        AgentResult result = client.agent().tools(tools, tools.fetchExternalData()).build().run("late orders?");

        assertThat(result.deployments()).containsExactly("gpt-4o", "gpt-4o-mini");
    }

    @Test
    void replacedInstructionsTakeTheContextWhereAsked(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("Bonjour"));

        client.agent().instructions("Answer in French. Context: {context}").build().run("Hello", "Paris office");
        client.agent().instructions("Answer in French.").build().run("Hello", "Paris office");
        client.agent().build().run("Hello");

        List<RecordedRequest> requests = fake.journal().chatRequests();
        assertThat(requests.get(0).messages().get(0).path("content").asText())
                .isEqualTo("Answer in French. Context: Paris office");
        assertThat(requests.get(1).messages().get(0).path("content").asText())
                .isEqualTo("Answer in French.\n\nParis office");
        assertThat(requests.get(2).messages().get(0).path("content").asText()).startsWith(
                "You are a helpful assistant.\nUse the available tools");
        assertThat(requests.get(2).body().has("tools")).isFalse();
        assertThat(requests.get(2).body().has("tool_choice")).isFalse();
    }

    @Test
    void listenersSeeTurnsCallsResultsAndTheEndInOrderAndCannotBreakTheRun(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);
        List<String> events = new CopyOnWriteArrayList<>();
        AgentListener recorder = new AgentListener() {
            @Override
            public void onTurnStarted(int iteration, List<ChatMessage> messages) {
                events.add("turn " + iteration + " (" + messages.size() + " messages)");
            }

            @Override
            public void onToolCall(int iteration, ToolCall call) {
                events.add("call " + call.name());
            }

            @Override
            public void onToolResult(int iteration, ToolCallResult result) {
                events.add("result " + result.call().name() + " " + result.outcome());
            }

            @Override
            public void onFinished(AgentResult result) {
                events.add("finished after " + result.iterations());
            }
        };
        AgentListener broken = new AgentListener() {
            @Override
            public void onToolCall(int iteration, ToolCall call) {
                throw new IllegalStateException("listener bug");
            }
        };

        AgentResult result = client.agent().tools(tools, tools.fetchExternalData()).listener(broken)
                .listener(recorder).build().run("Which ACME orders are late?");

        assertThat(result.iterations()).isEqualTo(3);
        assertThat(events).containsExactly("turn 1 (2 messages)", "call search_database",
                "result search_database SUCCESS", "turn 2 (4 messages)", "call fetch_external_data",
                "result fetch_external_data SUCCESS", "turn 3 (6 messages)", "finished after 3");
    }
}
