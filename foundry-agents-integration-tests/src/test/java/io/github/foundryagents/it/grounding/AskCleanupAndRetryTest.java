package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.grounding.AgentRef;
import io.github.foundryagents.core.grounding.AgentRunFailedException;
import io.github.foundryagents.core.grounding.AgentServiceTransport;
import io.github.foundryagents.core.grounding.AgentSpec;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.BingConnectionId;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.grounding.RunEventStream;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.grounding.ToolOutput;
import io.github.foundryagents.core.grounding.classic.ClassicAgentTransport;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.BearerTokenPolicy;
import io.github.foundryagents.core.resilience.RetryExhaustedException;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole ask is retried by the client's retry policy; a failed thread deletion never hides the ask's result. */
@WithFakeFoundry
class AskCleanupAndRetryTest {

    /** The client's retry policy, with short waits so the test is quick. */
    private static AgentClient quickRetries(FakeFoundry fake, int maxRetries) {
        return fake.clientBuilder().retryPolicy(RetryPolicy.builder().maxRetries(maxRetries)
                .baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build()).build();
    }

    @Test
    void aRateLimitedRunIsRetriedAsAWholeAskInANewThreadByTheClientsRetryPolicy(FakeFoundry fake) {
        fake.agents().enqueue(RunScript.failing("rate_limit_exceeded", "Rate limit is exceeded. Try again in 1"
                + " seconds."), RunScript.answer("second time lucky"));

        GroundedAnswer answer = quickRetries(fake, 3).groundedAgent().create().ask("Busy?");

        assertThat(answer.content()).isEqualTo("second time lucky");
        assertThat(fake.agents().runs()).extracting(r -> r.conversationId()).doesNotHaveDuplicates().hasSize(2);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    @Test
    void anHttp429OnAnAgentServiceRequestIsRetriedAfterTheServersHintByTheClientsRetryPolicy(FakeFoundry fake) {
        GroundedAgent agent = quickRetries(fake, 3).groundedAgent().create();
        fake.agents().enqueue(RunScript.answer("after the 429"));
        fake.agents().failNext(1, 429);
        int before = fake.journal().count();

        GroundedAnswer answer = agent.ask("Busy?");

        List<RecordedRequest> sent = fake.journal().all().subList(before, fake.journal().count());
        RecordedRequest refused = sent.get(0);
        RecordedRequest again = sent.get(1);
        assertThat(answer.content()).isEqualTo("after the 429");
        assertThat(refused.method() + " " + refused.path()).as("the ask's first request: creating the thread")
                .endsWith("/threads").isEqualTo(again.method() + " " + again.path());
        // The policy's backoff is at most 50 ms: a longer wait is the server's retry-after-ms of 100.
        assertThat(Duration.between(refused.receivedAt(), again.receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(fake.agents().runs()).hasSize(1);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    @Test
    void http5xxOnAgentServiceRequestsAreRetriedUntilThePolicyIsSpent(FakeFoundry fake) {
        GroundedAgent agent = quickRetries(fake, 3).groundedAgent().create();
        fake.agents().enqueue(RunScript.answer("after two 503s"));
        fake.agents().failNext(2, 503);

        assertThat(agent.ask("Flaky?").content()).isEqualTo("after two 503s");

        fake.agents().failNext(4, 503);
        RetryExhaustedException e = catchThrowableOfType(RetryExhaustedException.class, () -> agent.ask("Down?"));

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.lastStatus()).isEqualTo(503);
        assertThat(fake.agents().runs()).hasSize(1);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    @Test
    void aNonRetryableFailureIsNotRetried(FakeFoundry fake) {
        fake.agents().enqueue(RunScript.failing("invalid_prompt", "Invalid prompt."));

        catchThrowableOfType(AgentRunFailedException.class,
                () -> quickRetries(fake, 3).groundedAgent().create().ask("Bad"));

        assertThat(fake.agents().runs()).hasSize(1);
    }

    @Test
    void retriesStopWhenThePolicyIsSpent(FakeFoundry fake) {
        fake.agents().enqueue(RunScript.failing("server_error", "Something went wrong."),
                RunScript.failing("server_error", "Something went wrong."));

        RetryExhaustedException e = catchThrowableOfType(RetryExhaustedException.class,
                () -> quickRetries(fake, 1).groundedAgent().create().ask("Flaky?"));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getCause()).isInstanceOf(AgentRunFailedException.class);
        assertThat(fake.agents().liveConversations()).isZero();
    }

    @Test
    void askRetryCanBeReplaced(FakeFoundry fake, AgentClient client) {
        fake.agents().enqueue(RunScript.failing("rate_limit_exceeded", "Rate limit is exceeded."));

        catchThrowableOfType(AgentRunFailedException.class,
                () -> client.groundedAgent().askRetry(AskRetry.none()).create().ask("Once"));

        assertThat(fake.agents().runs()).hasSize(1);
    }

    @Test
    void aFailedDeleteIsLoggedAndNeverMasksTheRealError(FakeFoundry fake) {
        fake.agents().enqueue(RunScript.failing("server_error", "Something broke."), RunScript.answer("fine"));
        GroundedAgent agent = fake.client().groundedAgent().transport(new UndeletableThreads(fake))
                .askRetry(AskRetry.none()).create();

        AgentRunFailedException e;
        GroundedAnswer answer;
        try (LogCapture log = LogCapture.of(GroundedAgent.class)) {
            e = catchThrowableOfType(AgentRunFailedException.class, () -> agent.ask("One"));
            answer = agent.ask("Two");

            assertThat(log.warnings()).hasSize(2).allSatisfy(w -> assertThat(w)
                    .contains("Could not delete conversation thread_", "delete refused for thread_"));
            assertThat(log.warnings().get(0)).contains(e.threadId());
            assertThat(log.warnings().get(1)).contains(answer.threadId());
        }

        assertThat(e.errorCode()).contains("server_error");
        assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessageContaining("refused"));
        assertThat(answer.content()).isEqualTo("fine");
    }

    /** The real classic transport whose thread deletions fail, as when the network drops at the end of an ask. */
    private static final class UndeletableThreads implements AgentServiceTransport {
        private final AgentServiceTransport real;

        UndeletableThreads(FakeFoundry fake) {
            real = new ClassicAgentTransport(fake.projectEndpoint(), AzureHttp.create(null, null,
                    new BearerTokenPolicy(new FakeTokenCredential(), BearerTokenPolicy.AI_FOUNDRY_SCOPE)));
        }

        @Override
        public void deleteConversation(String conversationId) {
            throw new FoundryException("delete refused for " + conversationId);
        }

        @Override
        public AgentRef createAgent(AgentSpec spec) {
            return real.createAgent(spec);
        }

        @Override
        public void deleteAgent(AgentRef agent) {
            real.deleteAgent(agent);
        }

        @Override
        public boolean connectionExists(BingConnectionId connection) {
            return real.connectionExists(connection);
        }

        @Override
        public String createConversation(AgentRef agent, String question) {
            return real.createConversation(agent, question);
        }

        @Override
        public RunEventStream startRun(AgentRef agent, String conversationId, boolean stream) {
            return real.startRun(agent, conversationId, stream);
        }

        @Override
        public RunSnapshot getRun(String conversationId, String runId) {
            return real.getRun(conversationId, runId);
        }

        @Override
        public RunEventStream submitToolOutputs(AgentRef agent, String conversationId, RunSnapshot run,
                List<ToolOutput> outputs, boolean stream) {
            return real.submitToolOutputs(agent, conversationId, run, outputs, stream);
        }

        @Override
        public void cancelRun(String conversationId, String runId) {
            real.cancelRun(conversationId, runId);
        }

        @Override
        public RunAnswer readAnswer(String conversationId, RunSnapshot run) {
            return real.readAnswer(conversationId, run);
        }
    }
}
