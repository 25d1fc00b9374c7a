package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AgentRunCancelledException;
import io.github.foundryagents.core.grounding.AgentRunException;
import io.github.foundryagents.core.grounding.AgentRunExpiredException;
import io.github.foundryagents.core.grounding.AgentRunFailedException;
import io.github.foundryagents.core.grounding.AgentRunIncompleteException;
import io.github.foundryagents.core.grounding.AgentRunTimeoutException;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.FakeRunInfo;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a run can end without an answer, under every waiting strategy; the thread is deleted each time. */
@WithFakeFoundry
class RunOutcomesTest {

    private static GroundedAgent agent(FakeFoundry fake, AgentClient client, Waiting waiting) {
        // one attempt per ask: these tests look at how a single run ends (retries: AskCleanupAndRetryTest)
        return client.groundedAgent().bing(BingGrounding.connection(fake.agents().bingConnectionId()))
                .waitStrategy(waiting.strategy()).askRetry(AskRetry.none()).create();
    }

    @ParameterizedTest(name = "{0} on {1} under {2}")
    @CsvSource({
        "rate_limit_exceeded, CLASSIC, STREAMING, true", "rate_limit_exceeded, CLASSIC, ADAPTIVE_POLLING, true",
        "server_error, CLASSIC, STREAMING, true", "server_error, CLASSIC, FIXED_INTERVAL, true",
        "invalid_prompt, CLASSIC, STREAMING, false", "invalid_prompt, CLASSIC, ADAPTIVE_POLLING, false",
        "content_filter, CLASSIC, FIXED_INTERVAL, false",
        "rate_limit_exceeded, RESPONSES, STREAMING, true", "rate_limit_exceeded, RESPONSES, ADAPTIVE_POLLING, true",
        "server_error, RESPONSES, FIXED_INTERVAL, true", "invalid_prompt, RESPONSES, STREAMING, false",
        "invalid_prompt, RESPONSES, ADAPTIVE_POLLING, false"})
    void aFailedRunCarriesItsErrorCodeAndRetryability(String code, AgentServiceGeneration generation,
            Waiting waiting, boolean retryable, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.failing(code, "Scripted failure " + code + "."));

        AgentRunFailedException e = catchThrowableOfType(AgentRunFailedException.class,
                () -> agent(fake, client, waiting).ask("Fail please"));

        assertThat(e.errorCode()).contains(code);
        assertThat(e.serviceMessage()).isEqualTo("Scripted failure " + code + ".");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(code).contains(e.runId());
        assertThat(e.status()).isEqualTo(RunStatus.FAILED);
        assertThreadDeleted(fake, e.threadId());
    }

    /** Classic only: the Responses API has no expired status. */
    @ParameterizedTest
    @EnumSource(Waiting.class)
    void anExpiredRunRaisesItsOwnException(Waiting waiting, FakeFoundry fake, AgentClient client) {
        fake.agents().enqueue(RunScript.expiring());

        AgentRunExpiredException e = catchThrowableOfType(AgentRunExpiredException.class,
                () -> agent(fake, client, waiting).ask("Expire"));

        assertThat(e.status()).isEqualTo(RunStatus.EXPIRED);
        assertThat(e.isRetryable()).isFalse();
        assertThreadDeleted(fake, e.threadId());
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void anIncompleteRunNamesTheReason(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.incomplete("max_completion_tokens"));

        AgentRunIncompleteException e = catchThrowableOfType(AgentRunIncompleteException.class,
                () -> agent(fake, client, waiting).ask("Too long"));

        assertThat(e.reason()).isEqualTo("max_completion_tokens");
        assertThat(e.getMessage()).contains("max_completion_tokens");
        assertThreadDeleted(fake, e.threadId());
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void aRunCancelledByTheServiceRaisesCancelled(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.cancelledByService());

        AgentRunCancelledException e = catchThrowableOfType(AgentRunCancelledException.class,
                () -> agent(fake, client, waiting).ask("Cancel me"));

        assertThat(e.status()).isEqualTo(RunStatus.CANCELLED);
        assertThreadDeleted(fake, e.threadId());
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void anUnknownStatusEndsTheWaitInsteadOfPollingForever(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.endingWithStatus("paused"));

        AgentRunException e = catchThrowableOfType(AgentRunException.class,
                () -> agent(fake, client, waiting).ask("Pause"));

        assertThat(e.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(e.errorCode()).contains("unknown_status");
        assertThreadDeleted(fake, e.threadId());
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void theDeadlineCancelsTheRunThenDeletesTheThread(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("too late").withDuration(Duration.ofSeconds(60))); // 600 ms real
        GroundedAgent agent = agent(fake, client, waiting);

        AgentRunTimeoutException e = catchThrowableOfType(AgentRunTimeoutException.class,
                () -> agent.ask("Slow", AskOptions.builder().timeout(Duration.ofMillis(250)).build()));

        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(e.status()).isIn(RunStatus.QUEUED, RunStatus.IN_PROGRESS);
        List<RecordedRequest> requests = fake.journal().all();
        int cancel = indexOf(requests, "POST", "/" + e.runId() + "/cancel");
        int delete = indexOf(requests, "DELETE", "/" + e.threadId());
        assertThat(cancel).isNotNegative().isLessThan(delete);
        FakeRunInfo run = fake.agents().runs().get(0);
        assertThat(run.status()).isIn("cancelling", "cancelled");
        assertThreadDeleted(fake, e.threadId());
    }

    static int indexOf(List<RecordedRequest> requests, String method, String pathEnd) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).method().equals(method) && requests.get(i).path().endsWith(pathEnd)) {
                return i;
            }
        }
        return -1;
    }

    static void assertThreadDeleted(FakeFoundry fake, String threadId) {
        assertThat(threadId).isNotNull();
        assertThat(fake.agents().liveConversations()).isZero();
        assertThat(fake.journal().matching(r -> r.method().equals("DELETE") && r.path().endsWith(threadId)))
                .hasSize(1);
    }
}
