package io.github.foundryagents.spring.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.UnrecoverableJobException;
import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tool-calling agent with the application's {@code @Tool} beans, and the lazily created grounded agent. */
@WithFakeFoundry
class AgentsAutoConfigurationTest {

    /** A bean whose method the model may call. */
    static class WeatherTools {
        final List<String> cities = new CopyOnWriteArrayList<>();

        @Tool(name = "get_weather", description = "Current weather of a city")
        public String weather(@ToolParam(description = "City name") String city) {
            cities.add(city);
            return "sunny in " + city;
        }
    }

    /** A bean without tools. */
    static class Unrelated {
        public String notATool() {
            return "x";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ToolBeansConfig {
        @Bean
        WeatherTools weatherTools() {
            return new WeatherTools();
        }

        @Bean
        Unrelated unrelated() {
            return new Unrelated();
        }
    }

    private static TaskRecord task(String agent, String prompt) {
        return TaskRecord.pending("t-" + agent, "alice", agent, prompt, "{}", null, Instant.now());
    }

    @Test
    void toolMethodsOfAnyBeanAreRegisteredAndCalledByTheAgent(FakeFoundry fake) {
        StarterRunners.against(fake).withUserConfiguration(ToolBeansConfig.class).run(context -> {
            assertThat(context.getBean(ToolRegistry.class).names()).containsExactly("get_weather");
            fake.chat().enqueue(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"), Reply.text("It is sunny."));

            AgentResult result = context.getBean(Agent.class).run("Weather in Paris?");

            assertThat(result.answer()).isEqualTo("It is sunny.");
            assertThat(context.getBean(WeatherTools.class).cities).containsExactly("Paris");
            assertThat(fake.journal().chatRequests().get(0).deployment()).isEqualTo("gpt-4o");
        });
    }

    @Test
    void theApplicationsRegistryAndAgentSettingsWin(FakeFoundry fake) {
        ToolRegistry own = ToolRegistry.empty();
        StarterRunners.against(fake).withUserConfiguration(ToolBeansConfig.class)
                .withBean(ToolRegistry.class, () -> own)
                .withPropertyValues("foundry.agents.agent.deployment=gpt4-mini",
                        "foundry.agents.agent.instructions=You are terse.")
                .run(context -> {
                    assertThat(context.getBean(ToolRegistry.class)).isSameAs(own);
                    context.getBean(Agent.class).run("hello");
                    var request = fake.journal().chatRequests().get(0);
                    assertThat(request.deployment()).isEqualTo("gpt-4o-mini");
                    assertThat(request.messages().get(0).path("content").asText()).isEqualTo("You are terse.");
                });
    }

    @Test
    void theGroundedAgentIsCreatedByItsFirstTaskAndDeletedWithTheApplication(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues(
                "BING_CONNECTION_ID=" + fake.agents().bingConnectionId()).run(context -> {
                    assertThat(context).hasSingleBean(GroundedAgent.class);
                    assertThat(fake.agents().agentCount()).isZero();
                    fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com/final", "Final")
                            .withUsage(100, 20));

                    TaskResult result = context.getBean(TaskRunner.class).run(task("grounded", "Who won?"));

                    assertThat(result.text()).isEqualTo("Florida won.[1]\n\nSources:\n1. Final - https://ncaa.com/final");
                    assertThat(result.usage().totalTokens()).isEqualTo(120);
                    assertThat(fake.agents().agentCount()).isEqualTo(1);
                });
        assertThat(fake.agents().agentCount()).isZero();
    }

    @Test
    void withoutAProjectEndpointThereIsNoGroundedAgentAndSuchTasksFailAtOnce(FakeFoundry fake) {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=" + fake.endpoint())
                .withBean(com.azure.core.credential.TokenCredential.class,
                        io.github.foundryagents.testkit.FakeTokenCredential::new)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(GroundedAgent.class);
                    TaskRunner runner = context.getBean(TaskRunner.class);
                    assertThatThrownBy(() -> runner.run(task("grounded", "Who won?")))
                            .isInstanceOf(UnrecoverableJobException.class).hasMessageContaining("[default, tools]");
                    assertThat(runner.run(task("default", "hi")).text()).startsWith("Fake reply from gpt-4o");
                });
    }

    @Test
    void aRefusalThatRetryingCannotFixFailsTheTaskAtOnce(FakeFoundry fake) {
        StarterRunners.against(fake).run(context -> {
            fake.chat().enqueue(Reply.contentFilterRefusal());
            assertThatThrownBy(() -> context.getBean(TaskRunner.class).run(task("tools", "something")))
                    .isInstanceOf(UnrecoverableJobException.class);
        });
    }
}
