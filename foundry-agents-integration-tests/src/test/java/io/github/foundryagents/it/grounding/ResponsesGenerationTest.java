package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only the Responses generation does on the wire: versioned agents, conversations, background responses. */
@WithFakeFoundry
class ResponsesGenerationTest {

    private static AgentClient client(FakeFoundry fake) {
        return Setups.client(fake, AgentServiceGeneration.RESPONSES);
    }

    @Test
    void createsANamedVersionedAgentWithTheProjectConnectionIdField(FakeFoundry fake) {
        AgentClient client = client(fake);

        GroundedAgent first = client.groundedAgent().name("researcher").instructions("Cite sources.").temperature(0.2)
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()).count(7).market("en-US")).create();
        GroundedAgent second = client.groundedAgent().name("researcher").create();

        RecordedRequest created = fake.journal().matching(Setups::agentCreation).get(0);
        assertThat(created.path()).isEqualTo("/api/projects/fake-project/agents");
        assertThat(created.query()).containsEntry("api-version", "v1");
        JsonNode definition = created.body().path("definition");
        assertThat(created.body().path("name").asText()).isEqualTo("researcher");
        assertThat(definition.path("kind").asText()).isEqualTo("prompt");
        assertThat(definition.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(definition.path("instructions").asText()).isEqualTo("Cite sources.");
        assertThat(definition.path("temperature").asDouble()).isEqualTo(0.2);
        JsonNode search = definition.path("tools").get(0).path("bing_grounding").path("search_configurations").get(0);
        assertThat(search.path("project_connection_id").asText()).isEqualTo(fake.agents().bingConnectionId());
        assertThat(search.has("connection_id")).isFalse();
        assertThat(search.path("count").asInt()).isEqualTo(7);
        assertThat(first.id()).isEqualTo("researcher");
        assertThat(second.id()).isEqualTo("researcher");
        assertThat(fake.journal().last().path()).isEqualTo("/api/projects/fake-project/agents/researcher/versions");

        second.delete();

        assertThat(fake.journal().last().method()).isEqualTo("DELETE");
        assertThat(fake.journal().last().path()).endsWith("/agents/researcher");
        assertThat(fake.agents().agentCount()).isZero();
    }

    @Test
    void asksInAConversationThroughABackgroundResponseAndExposesTheBingQuery(FakeFoundry fake) {
        fake.agents().enqueue(RunScript.answer("Seattle is 12°C and cloudy.").citing("https://www.weather.gov/sew",
                "Seattle weather").withUsage(328, 52));
        GroundedAgent agent = client(fake).groundedAgent().name("weather")
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()))
                .waitStrategy(Waiting.ADAPTIVE_POLLING.strategy()).create();

        GroundedAnswer answer = agent.ask("Seattle weather today?");

        RecordedRequest conversation = fake.journal().matching(r -> r.path().endsWith("/openai/v1/conversations"))
                .get(0);
        JsonNode item = conversation.body().path("items").get(0);
        assertThat(item.path("type").asText()).isEqualTo("message");
        assertThat(item.path("role").asText()).isEqualTo("user");
        assertThat(item.path("content").asText()).isEqualTo("Seattle weather today?");
        RecordedRequest response = fake.journal().matching(r -> r.path().endsWith("/openai/v1/responses")).get(0);
        JsonNode body = response.body();
        assertThat(body.path("agent_reference").path("type").asText()).isEqualTo("agent_reference");
        assertThat(body.path("agent_reference").path("name").asText()).isEqualTo("weather");
        assertThat(body.path("agent_reference").path("version").asText()).isEqualTo("1");
        assertThat(body.path("conversation").asText()).isEqualTo(answer.threadId());
        assertThat(body.path("background").asBoolean()).isTrue();
        assertThat(body.path("store").asBoolean()).isTrue();
        assertThat(response.query()).doesNotContainKey("api-version");
        assertThat(answer.searchQueries()).containsExactly("Seattle weather today?");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Seattle weather");
            assertThat(c.markedText()).isEqualTo("Seattle is 12°C and cloudy.");
        });
        assertThat(answer.usage().promptTokens()).isEqualTo(328);
        assertThat(answer.usage().completionTokens()).isEqualTo(52);
        assertThat(answer.usage().totalTokens()).isEqualTo(380);
        assertThat(fake.journal().matching(r -> r.method().equals("DELETE")
                && r.path().endsWith("/openai/v1/conversations/" + answer.threadId()))).hasSize(1);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    @Test
    void resumesABrokenStreamAfterTheLastEventItSaw(FakeFoundry fake) {
        fake.agents().dropStreams(1, 3);
        GroundedAgent agent = client(fake).groundedAgent().waitStrategy(WaitStrategy.streaming()).create();

        GroundedAnswer answer = agent.ask("Resume?");

        List<RecordedRequest> resumed = fake.journal().matching(r -> r.method().equals("GET")
                && r.path().endsWith("/responses/" + answer.runId()));
        assertThat(resumed).singleElement().satisfies(r -> {
            assertThat(r.query()).containsEntry("stream", "true");
            assertThat(r.query()).containsEntry("starting_after", "2");
        });
        assertThat(answer.content()).isEqualTo("Fake grounded answer to: Resume?");
        assertThat(fake.journal().matching(r -> r.method().equals("POST") && r.path().endsWith("/responses")))
                .hasSize(1);
    }

    @Test
    void functionOutputsGoBackAsItemsOfANewResponseInTheSameConversation(FakeFoundry fake) {
        WeatherTools tools = new WeatherTools(false);
        fake.agents().enqueue(RunScript.answer("Now: {tool_output}").afterToolCall("get_weather",
                "{\"city\":\"Bergen\"}"));
        GroundedAgent agent = client(fake).groundedAgent().functionTools(tools).create();

        GroundedAnswer answer = agent.ask("Weather in Bergen?");

        List<RecordedRequest> responses = fake.journal().matching(r -> r.method().equals("POST")
                && r.path().endsWith("/responses"));
        assertThat(responses).hasSize(2);
        JsonNode output = responses.get(1).body().path("input").get(0);
        assertThat(output.path("type").asText()).isEqualTo("function_call_output");
        assertThat(output.path("call_id").asText()).isEqualTo(tools.calls.get(0).id());
        assertThat(output.path("output").asText()).contains("Bergen");
        assertThat(responses.get(1).body().path("conversation").asText()).isEqualTo(answer.threadId());
        assertThat(JsonFunctions.definition(fake).path("name").asText()).isEqualTo("get_weather");
        assertThat(answer.content()).contains("\"celsius\":12");
    }

    /** Reads the function tool definition the agent was created with. */
    private static final class JsonFunctions {
        static JsonNode definition(FakeFoundry fake) {
            RecordedRequest created = fake.journal().matching(Setups::agentCreation).get(0);
            for (JsonNode tool : Setups.tools(created)) {
                if (tool.path("type").asText().equals("function")) {
                    return tool;
                }
            }
            throw new AssertionError("no function tool in " + created.body());
        }
    }
}
