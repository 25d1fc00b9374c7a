package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.resilience.CallCancelledException;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.FakeRunInfo;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller that cancels an ask (interrupts its thread, e.g. with {@code Future.cancel(true)}) while the run is in
 * progress: the ask stops with {@link CallCancelledException} and the interrupt flag still set, and the clean-up
 * still reaches the service (cancel the run, then delete the conversation) although an interrupted thread cannot
 * make HTTP calls.
 */
@WithFakeFoundry
class AskCancellationTest {

    private final ExecutorService callers = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void cancellingAnAskCancelsTheRunThenDeletesTheConversation(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) throws Exception {
        GroundedAgent agent = Setups.client(fake, generation).groundedAgent()
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()))
                .waitStrategy(waiting.strategy()).askRetry(AskRetry.none()).create();
        fake.agents().enqueue(RunScript.answer("never read").withDuration(Duration.ofHours(1))); // 36 s real
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Future<?> ask = callers.submit(() -> {
            try {
                agent.ask("Take your time");
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
            interruptedAfter.complete(Thread.currentThread().isInterrupted());
        });
        FakeRunInfo run = awaitRunInProgress(fake);
        Thread.sleep(100); // into the poll sleep, the status request or the open event stream

        long cancelledAt = System.nanoTime();
        assertThat(ask.cancel(true)).isTrue();

        assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(CallCancelledException.class)
                .hasMessageContaining(run.conversationId());
        assertThat(interruptedAfter.get(1, TimeUnit.SECONDS)).as("interrupt flag kept for the caller").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(ask.isCancelled()).isTrue();
        List<RecordedRequest> requests = fake.journal().all();
        int cancel = RunOutcomesTest.indexOf(requests, "POST", "/" + run.id() + "/cancel");
        int delete = RunOutcomesTest.indexOf(requests, "DELETE", "/" + run.conversationId());
        assertThat(cancel).as("the run is cancelled").isNotNegative().isLessThan(delete);
        assertThat(fake.agents().runs().get(0).status()).isIn("cancelling", "cancelled");
        assertThat(fake.agents().liveConversations()).isZero();
    }

    private static FakeRunInfo awaitRunInProgress(FakeFoundry fake) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < giveUp) {
            List<FakeRunInfo> runs = fake.agents().runs();
            if (!runs.isEmpty() && runs.get(0).status().equals("in_progress")) {
                return runs.get(0);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no run in progress after 10 s: " + fake.agents().runs());
    }
}
