package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AgentRunException;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** requires_action → the function tools run → their outputs go back → the run completes. */
@WithFakeFoundry
class FunctionToolsTest {

    private static GroundedAgent agent(FakeFoundry fake, AgentClient client, Waiting waiting, WeatherTools tools) {
        return client.groundedAgent().bing(BingGrounding.connection(fake.agents().bingConnectionId()))
                .functionTools(tools).waitStrategy(waiting.strategy()).create();
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void runsTheRequestedToolAndSubmitsItsOutput(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        WeatherTools tools = new WeatherTools(false);
        fake.agents().enqueue(RunScript.answer("Oslo now: {tool_output}").afterToolCall("get_weather",
                "{\"city\":\"Oslo\"}").withUsage(300, 20));

        GroundedAnswer answer = agent(fake, client, waiting, tools).ask("Weather in Oslo?");

        assertThat(tools.calls).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("get_weather");
            assertThat(c.arguments()).isEqualTo("{\"city\":\"Oslo\"}");
        });
        assertThat(answer.content()).startsWith("Oslo now: {\"city\":\"Oslo\",\"celsius\":12}");
        // a classic run reports its usage once; each response (tool call, then answer) reports its own
        assertThat(answer.usage().totalTokens()).isEqualTo(Setups.classic(generation) ? 320 : 640);
        RecordedRequest created = fake.journal().matching(Setups::agentCreation).get(0);
        assertThat(Setups.tools(created).findValuesAsText("type")).contains("bing_grounding", "function");
        RecordedRequest submitted = fake.journal().matching(Setups::toolOutputs).get(0);
        assertThat(Setups.toolCallId(submitted)).isEqualTo(tools.calls.get(0).id());
        assertThat(submitted.body().path("stream").asBoolean()).isEqualTo(waiting == Waiting.STREAMING);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    /** The same {@code @Tool} classes the tool-calling agent uses, given to a grounded agent. */
    static final class CityWeather {
        @Tool(name = "get_weather", description = "Current weather of a city")
        public Map<String, Object> weather(@ToolParam(description = "the city") String city) {
            return Map.of("city", city, "celsius", 12);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void aToolRegistryServesTheRunsFunctionCalls(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("Oslo now: {tool_output}").afterToolCall("get_weather",
                "{\"city\":\"Oslo\"}"), RunScript.answer("Sorry: {tool_output}").afterToolCall("get_weather",
                "{\"town\":\"Oslo\"}"));
        GroundedAgent agent = client.groundedAgent().tools(ToolRegistry.of(new CityWeather()))
                .waitStrategy(waiting.strategy()).create();

        GroundedAnswer answer = agent.ask("Weather in Oslo?");
        GroundedAnswer repaired = agent.ask("Weather in Oslo?");

        assertThat(Setups.tools(fake.journal().matching(Setups::agentCreation).get(0)).findValuesAsText("name"))
                .contains("get_weather");
        assertThat(answer.content()).contains("Oslo").contains("12");
        assertThat(repaired.content()).contains("\"error\":\"invalid_arguments\"").contains("town");
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void aFailingToolSendsItsErrorBackToTheRun(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        WeatherTools tools = new WeatherTools(true);
        fake.agents().enqueue(RunScript.answer("Sorry: {tool_output}").afterToolCall("get_weather",
                "{\"city\":\"Oslo\"}"));

        GroundedAnswer answer = agent(fake, client, waiting, tools).ask("Weather in Oslo?");

        assertThat(answer.content()).contains("get_weather").contains("weather service down");
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void aRunAskingForToolsOfAnAgentWithoutToolsIsCancelledAndCleanedUp(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("unused").afterToolCall("get_weather", "{}"));
        GroundedAgent agent = client.groundedAgent().waitStrategy(waiting.strategy()).create();

        AgentRunException e = catchThrowableOfType(AgentRunException.class, () -> agent.ask("Weather?"));

        assertThat(e.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
        assertThat(e.getMessage()).contains("get_weather").contains("functionTools");
        if (Setups.classic(generation)) { // a classic run waits in requires_action; a response has ended
            assertThat(fake.journal().matching(r -> r.path().endsWith("/cancel"))).hasSize(1);
        }
        RunOutcomesTest.assertThreadDeleted(fake, e.threadId());
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void aRunThatKeepsAskingForToolsStopsAtMaxToolRounds(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        WeatherTools tools = new WeatherTools(false);
        fake.agents().enqueue(RunScript.answer("never reached").afterToolCalls("get_weather", "{\"city\":\"Oslo\"}",
                5));
        GroundedAgent agent = client.groundedAgent().functionTools(tools).maxToolRounds(2)
                .waitStrategy(waiting.strategy()).create();

        AgentRunException e = catchThrowableOfType(AgentRunException.class, () -> agent.ask("Weather, again?"));

        assertThat(e.errorCode()).contains("max_tool_rounds");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
        assertThat(e.getMessage()).contains("maxToolRounds(2)");
        assertThat(tools.calls).hasSize(2);
        assertThat(fake.journal().matching(Setups::toolOutputs)).hasSize(2);
        if (Setups.classic(generation)) { // the run still waits in requires_action: cancelled, then the thread goes
            List<RecordedRequest> requests = fake.journal().all();
            int cancel = RunOutcomesTest.indexOf(requests, "POST", "/" + e.runId() + "/cancel");
            int delete = RunOutcomesTest.indexOf(requests, "DELETE", "/" + e.threadId());
            assertThat(cancel).isNotNegative().isLessThan(delete);
            assertThat(fake.agents().runs().get(0).status()).isIn("cancelling", "cancelled");
        } else { // each round is a response of its own: no third one is started
            assertThat(fake.journal().matching(r -> r.method().equals("POST") && r.path().endsWith("/responses")))
                    .hasSize(3);
        }
        RunOutcomesTest.assertThreadDeleted(fake, e.threadId());
    }
}
