package io.github.foundryagents.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.routing.Complexity;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@WithFakeFoundry
class RoutingAgainstFakeTest {

    private static final String LONG = "lorem ".repeat(120);
    private static final String VERY_LONG = "lorem ".repeat(520);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "What is the capital of France?            | gpt-4o-mini | simple prompt: router alias gpt4-mini -> deployment gpt-4o-mini",
        "Implement a binary search in Java         | gpt-4o      | complex prompt: router alias gpt4 -> deployment gpt-4o",
        "Compare PTU and Standard deployments      | gpt-4o      | complex prompt: router alias gpt4 -> deployment gpt-4o",
        "Explain the functionality of this form    | gpt-4o-mini | simple prompt: router alias gpt4-mini -> deployment gpt-4o-mini",
        "LONG                                      | gpt-4o-mini | moderate prompt: router alias gpt4-mini -> deployment gpt-4o-mini",
        "VERY_LONG                                 | gpt-4o      | complex prompt: router alias gpt4 -> deployment gpt-4o",
    })
    void theDefaultRouterSendsEachPromptToTheDeploymentItsComplexityNeeds(String prompt, String deployment,
            String detail, FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().router(ModelRouter.defaults()).build();
        String text = prompt.equals("LONG") ? LONG : prompt.equals("VERY_LONG") ? VERY_LONG : prompt;

        ChatResponse response = client.chat(ChatRequest.of(text));

        assertThat(fake.journal().last().deployment()).isEqualTo(deployment);
        assertThat(response.deployment()).isEqualTo(deployment);
        assertThat(response.route().reason()).isEqualTo(Route.Reason.ROUTED);
        assertThat(response.route().detail()).isEqualTo(detail);
    }

    @Test
    void anExplicitDeploymentAlwaysWinsOverTheRouter(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().router(ModelRouter.defaults()).build();

        ChatResponse response = client.chat(ChatRequest.builder().user("Debug this function").deployment("gpt4-mini")
                .build());

        assertThat(fake.journal().last().deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.EXPLICIT);
        assertThat(response.route().detail()).isEqualTo("requested alias gpt4-mini -> deployment gpt-4o-mini");
    }

    @Test
    void theClassifierAndTheMappingAreReplaceableAndAliasesFollowConfiguration(FakeFoundry fake) {
        fake.addDeployment("prod-large", "gpt-4.1-2025-04-14");
        AgentClient client = fake.clientBuilder().deployment("gpt4", "prod-large")
                .router(ModelRouter.builder()
                        .classifier(request -> request.messages().size() > 1 ? Complexity.COMPLEX : Complexity.SIMPLE)
                        .route(Complexity.SIMPLE, "gpt-4o")
                        .build())
                .build();

        ChatResponse simple = client.chat(ChatRequest.of("Implement quicksort"));
        ChatResponse complex = client.chat(ChatRequest.builder().system("You are terse.").user("hi").build());

        assertThat(simple.deployment()).isEqualTo("gpt-4o");
        assertThat(simple.route().detail()).isEqualTo("simple prompt: router deployment gpt-4o");
        assertThat(complex.deployment()).isEqualTo("prod-large");
        assertThat(complex.model()).isEqualTo("gpt-4.1-2025-04-14");
    }

    @Test
    void withoutARouterTheClientDefaultStillApplies(FakeFoundry fake, AgentClient client) {
        ChatResponse response = client.chat(ChatRequest.of("Implement quicksort"));

        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.DEFAULT);
    }
}
