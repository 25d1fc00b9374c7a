package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.grounding.AgentRunException;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the fake scripts shown in docs/grounding.md ("Testing with the fake") through a grounded agent. */
@WithFakeFoundry
class GroundingFakeTest {

    static final class WeatherTools {
        @Tool(name = "get_weather", description = "Current weather of a city")
        String weather(String city) {
            return "4 °C in " + city;
        }
    }

    @Test
    void scriptedRunsAnswerFailAndCallTools(FakeFoundry fake, AgentClient client) {
        // snippet: grounding#fake-scripts
        fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com", "NCAA final"));
        fake.agents().enqueue(RunScript.failing("rate_limit_exceeded", "Rate limit is exceeded."));
        fake.agents().enqueue(RunScript.answer("It is {tool_output}.").afterToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        fake.agents().runDuration(Duration.ofSeconds(30)).timeScale(0.01);   // 30 s of service time in 300 ms
        // end-snippet

        GroundedAgent agent = client.groundedAgent().name("news")
                .bing(BingGrounding.connection(fake.agents().bingConnectionId())).tools(ToolRegistry.of(new WeatherTools()))
                .askRetry(AskRetry.none())                       // the client's default would retry the failed run
                .create();
        GroundedAnswer won = agent.ask("Who won the 2025 NCAA basketball championship?");
        assertThat(won.content()).contains("Florida won.");
        assertThat(won.citations()).extracting(Citation::url).containsExactly("https://ncaa.com");
        assertThatThrownBy(() -> agent.ask("And in 2024?")).isInstanceOf(AgentRunException.class)
                .hasMessageContaining("Rate limit is exceeded.");
        assertThat(agent.ask("Weather in Oslo?").content()).startsWith("It is 4 °C in Oslo.");
        assertThat(fake.agents().liveConversations()).isZero();
    }
}
