package io.github.foundryagents.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Spill-over and the retry step together, as the client assembles them: a short server wait is retried on the
 * same deployment, a wait beyond the spill-over threshold moves on at once, and 5xx moves on after retries.
 */
@WithFakeFoundry
class SpillOverWithRetryTest {

    private static AgentClient client(FakeFoundry fake) {
        return fake.clientBuilder()
                .spillOver(SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").maxWait(Duration.ofSeconds(5))
                        .build())
                .retryPolicy(RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(40)).build())
                .build();
    }

    private static ChatResponse ask(AgentClient client) {
        return client.chat(ChatRequest.builder().user("hi").deployment("gpt-4o").build());
    }

    @Test
    void aShortServerWaitIsRetriedOnTheSameDeployment(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.rateLimited(Duration.ofMillis(200)));

        ChatResponse response = ask(client(fake));

        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o", "gpt-4o");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.EXPLICIT);
    }

    @Test
    void aWaitBeyondTheThresholdSpillsAtOnceWithoutSleeping(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.rateLimited(Duration.ofSeconds(45)));
        long started = System.nanoTime();

        ChatResponse response = ask(client(fake));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
        assertThat(response.route().detail()).startsWith("spilled over from gpt-4o");
    }

    @Test
    void serverErrorsSpillOverOnceTheRetriesAreSpent(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.status(503), Reply.status(503), Reply.status(503));

        ChatResponse response = ask(client(fake));

        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o", "gpt-4o", "gpt-4o", "gpt-4o-mini");
        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
    }
}
