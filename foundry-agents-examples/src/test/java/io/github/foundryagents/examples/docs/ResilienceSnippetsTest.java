package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.resilience.Deadline;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.Retrier;
import io.github.foundryagents.core.resilience.RetryContext;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Fault;
import io.github.foundryagents.testkit.Quota;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Code shown in docs/resilience.md; compiled by the build, checked by DocSnippetsTest. The fake's quota and fault
 * script runs here against a client that retries it all away.
 */
@WithFakeFoundry
class ResilienceSnippetsTest {

    /** Stands in for any outbound API whose calls throw FoundryExceptions. */
    interface AgentsApi {
        Run createRun(String threadId);
    }

    /** What that API returns. */
    record Run(String id) {
    }

    static AgentClient defaults() {
        // snippet: resilience#defaults
        AgentClient client = AgentClient.builder()
                .retryPolicy(RetryPolicy.defaults())          // the default
                .pacing(PacingOptions.learning())              // the default
                .build();
        // end-snippet
        return client;
    }

    static RetryPolicy classifier() {
        // snippet: resilience#classifier
        RetryPolicy only503 = RetryPolicy.builder().classifier(failure -> failure.statusCode() == 503).build();
        // end-snippet
        return only503;
    }

    static Run otherCalls(AgentsApi agents, String threadId) {
        // snippet: resilience#retrier
        Retrier retrier = new Retrier(RetryPolicy.defaults());
        Deadline deadline = retrier.deadline(null);                       // the policy's timeout from now
        Run run = retrier.call(() -> agents.createRun(threadId), RetryContext.of("run creation on thread " + threadId, deadline));
        // end-snippet
        return run;
    }

    @Test
    void retriesThroughTheScriptedFaults(FakeFoundry fake) {
        // snippet: resilience#fake
        fake.quota("gpt-4o", Quota.tpm(60_000));                                  // 60K TPM, 360 RPM, real minutes
        fake.quota("gpt-4o", Quota.tpm(60_000).window(Duration.ofSeconds(6)));    // same rates, a 6-second minute
        fake.quotaRefusals("gpt-4o");                                             // 429s it answered

        fake.faults().next(3, Fault.status(503));           // three 503s, then normal answers
        fake.faults().next(Fault.connectionReset());        // the connection drops without a response
        fake.faults().next(Fault.truncatedBody());          // headers and half the body, then the connection drops
        fake.faults().next(Fault.delay(Duration.ofSeconds(5)));
        fake.agents().failNext(1, 429);                     // the next Agent Service request gets Azure's 429
        // end-snippet
        assertThat(fake.quota("gpt-4o").tokensPerMinute()).isEqualTo(60_000);
        assertThat(fake.quota("gpt-4o").requestsPerMinute()).isEqualTo(360);
        assertThat(fake.quota("gpt-4o").window()).isEqualTo(Duration.ofSeconds(6));

        AgentClient client = fake.clientBuilder()
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10)).build())
                .build();
        assertThat(client.complete("Hello?")).isEqualTo("Fake reply from gpt-4o-mini to: Hello?");
        assertThat(fake.faults().injected()).isEqualTo(6);
        assertThat(fake.journal().chatRequests()).hasSize(6);
        assertThat(fake.quotaRefusals("gpt-4o")).isZero();
    }
}
