package io.github.foundryagents.it.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spill-over with no retry step configured: Azure's 429 and 5xx reach the routing step as they are. */
@WithFakeFoundry
class SpillOverAgainstFakeTest {

    private static AgentClient client(FakeFoundry fake, SpillOver spillOver) {
        return fake.clientBuilder().router(ModelRouter.defaults()).spillOver(spillOver)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void aRateLimitedDeploymentSpillsToItsFallbackAndTheResponseSaysWhy(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.rateLimited(Duration.ofSeconds(45)));
        AgentClient client = client(fake, SpillOver.builder().fallbacks("gpt4", "gpt4-mini").build());

        ChatResponse response = client.chat(ChatRequest.of("Analyze this incident report"));

        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
        assertThat(response.route().detail()).isEqualTo("spilled over from gpt-4o (HTTP 429 asking to wait 45s and"
                + " no retry step to wait); first choice: complex prompt: router alias gpt4 -> deployment gpt-4o");
    }

    @Test
    void aServiceUnavailableDeploymentSpillsAlongTheWholeList(FakeFoundry fake) {
        fake.addDeployment("gpt-4o-ptu", "gpt-4o-2024-11-20");
        fake.chat().enqueueFor("gpt-4o-ptu", Reply.status(503));
        fake.chat().enqueueFor("gpt-4o", Reply.serverError());
        AgentClient client = client(fake, SpillOver.builder().fallbacks("gpt-4o-ptu", "gpt-4o", "gpt-4o-mini").build());

        ChatResponse response = client.chat(ChatRequest.builder().user("hi").deployment("gpt-4o-ptu").build());

        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o-ptu", "gpt-4o", "gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
        assertThat(response.route().detail()).startsWith("spilled over from gpt-4o-ptu (HTTP 503), then from gpt-4o"
                + " (HTTP 500); first choice: requested deployment gpt-4o-ptu");
    }

    @Test
    void theFirstChoiceAnsweringNeedsNoSpillOver(FakeFoundry fake) {
        AgentClient client = client(fake, SpillOver.builder().fallbacks("gpt4", "gpt4-mini").build());

        ChatResponse response = client.chat(ChatRequest.of("Evaluate my essay"));

        assertThat(fake.journal().chatRequests()).hasSize(1);
        assertThat(response.route().reason()).isEqualTo(Route.Reason.ROUTED);
    }

    @Test
    void aBadRequestIsNotSpilledBecauseEveryDeploymentWouldRefuseIt(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.error(400, "invalid_value", "Invalid value for 'temperature'."));
        AgentClient client = client(fake, SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build());

        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x").deployment("gpt-4o").build()))
                .isInstanceOf(BadRequestException.class);
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void whenTheLastFallbackFailsItsFailureIsThrownWithTheEarlierOnesAttached(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.status(503));
        fake.chat().enqueueFor("gpt-4o-mini", Reply.rateLimited(Duration.ofSeconds(2)));
        AgentClient client = client(fake, SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build());

        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x").deployment("gpt-4o").build()))
                .isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServerException.class));
    }

    @Test
    void spillOverWorksWithoutARouter(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o-mini", Reply.status(502));
        AgentClient client = fake.clientBuilder().spillOver(SpillOver.builder().fallbacks("gpt4-mini", "gpt4").build())
                .retryPolicy(RetryPolicy.none()).build();

        ChatResponse response = client.chat(ChatRequest.of("hello"));

        assertThat(response.deployment()).isEqualTo("gpt-4o");
        assertThat(response.route().detail()).endsWith("first choice: client default alias gpt4-mini -> deployment"
                + " gpt-4o-mini");
    }
}
