package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.AgentListener;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Fault;
import io.github.foundryagents.testkit.Quota;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each agent turn is an ordinary chat call: the client's retry, pacing and metering apply to it, not just an
 * interceptor that sees it. Also the loop's own promises that need a dedicated setup: tool calls run on the executor
 * the agent is given, and a turn without tool calls ends the run whatever its finish reason.
 */
class AgentTurnsThroughThePipelineTest {

    private static final ScriptedConversation SEARCH_THEN_FETCH_THEN_ANSWER = ScriptedConversation.create()
            .then(turn -> Reply.toolCalls(new ScriptedToolCall("call_search", "search_database",
                    "{\"query\":\"ACME\",\"limit\":1}")).withUsage(100, 20))
            .then(turn -> Reply.toolCalls(new ScriptedToolCall("call_fetch", "fetch_external_data",
                    "{\"endpoint\":\"/carriers/status\"}")).withUsage(150, 25))
            .then(turn -> Reply.text("Order o-7 is late.").withUsage(200, 15));

    private final GuidanceTools tools = new GuidanceTools();
    private FakeFoundry fake = FakeFoundry.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private AgentResult runGuidanceAgent(AgentClient client, AgentListener listener) {
        fake.chat().respondWith(SEARCH_THEN_FETCH_THEN_ANSWER);
        return client.agent().tools(tools, tools.fetchExternalData()).listener(listener).build()
                .run("Which ACME orders are late?");
    }

    @Test
    void aTurnThatFailsWithA503IsRetriedByTheClientsRetryPolicy() {
        AgentClient client = fake.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(10)).build()).build();
        AgentListener failSecondTurn = new AgentListener() {
            @Override
            public void onTurnStarted(int iteration, List<ChatMessage> messages) {
                if (iteration == 2) {
                    fake.faults().next(Fault.status(503));
                }
            }
        };

        AgentResult result = runGuidanceAgent(client, failSecondTurn);

        assertThat(result.answer()).isEqualTo("Order o-7 is late.");
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(fake.faults().injected()).isEqualTo(1);
        assertThat(fake.journal().chatRequests()).as("3 turns + 1 retry").hasSize(4);
        assertThat(tools.calls).as("the retried turn's tool ran once").hasSize(2);
    }

    @Test
    void everyTurnIsMeteredWithItsTokens() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AgentClient client = fake.clientBuilder().meterRegistry(registry).build();

        runGuidanceAgent(client, new AgentListener() { });

        DistributionSummary input = registry.get(UsageMeter.TOKEN_USAGE).tag(UsageMeter.TOKEN_TYPE, "input")
                .summary();
        DistributionSummary output = registry.get(UsageMeter.TOKEN_USAGE).tag(UsageMeter.TOKEN_TYPE, "output")
                .summary();
        assertThat(input.count()).isEqualTo(3);
        assertThat(input.totalAmount()).isEqualTo(450);
        assertThat(output.totalAmount()).isEqualTo(60);
        assertThat(registry.get(UsageMeter.OPERATION_DURATION).timer().count()).isEqualTo(3);
    }

    /**
     * The fake admits two requests per 2 s request window (12 RPM over a 12 s "minute"); the agent's three turns
     * come within a few milliseconds. Without pacing the third turn is refused and retried; with the same budget
     * configured, the pacer holds the third turn back until the window has room. Each client is warmed up on
     * another deployment first, so class loading does not spread the turns over the window.
     */
    @Test
    void turnsArePacedSoTheThirdWaitsForRoomInsteadOfDrawingA429() {
        Duration minute = Duration.ofSeconds(12);
        Quota twoRequestsPerWindow = Quota.tpm(10_000_000).rpm(12).window(minute);
        fake.quota("gpt-4o", twoRequestsPerWindow);
        AgentClient unpaced = fake.clientBuilder().pacing(PacingOptions.disabled()).build();
        warmUp(unpaced);
        runGuidanceAgent(unpaced, new AgentListener() { });
        assertThat(fake.quotaRefusals("gpt-4o")).as("429s without pacing").isPositive();

        fake.close();
        fake = FakeFoundry.builder().quota("gpt-4o", twoRequestsPerWindow).start();
        AgentClient paced = fake.clientBuilder()
                .pacing(PacingOptions.builder().window(minute).requestsPerMinute("gpt-4o", 12).build()).build();
        warmUp(paced);
        long start = System.nanoTime();

        AgentResult result = runGuidanceAgent(paced, new AgentListener() { });

        assertThat(result.iterations()).isEqualTo(3);
        assertThat(fake.quotaRefusals("gpt-4o")).as("429s with pacing").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the third turn waited for the window")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
    }

    private void warmUp(AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create()
                .then(turn -> Reply.toolCalls(new ScriptedToolCall("w", "search_database", "{\"query\":\"w\"}")))
                .then(turn -> Reply.text("warm")));
        client.agent().tools(tools).deployment("gpt-4o-mini").build().run("warm up");
        tools.calls.clear();
    }

    @Test
    void toolCallsRunOnTheExecutorTheAgentIsGiven() throws Exception {
        ExecutorService oneThread = Executors.newFixedThreadPool(1, r -> new Thread(r, "the-agents-pool"));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ToolFunction lookup = ToolFunction.of("lookup", "Look a key up", GuidanceTools.FetchArgs.class, args -> {
            threads.add(Thread.currentThread().getName());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
            return "value of " + args.endpoint();
        });
        fake.chat().respondWith(ScriptedConversation.create()
                .then(turn -> Reply.toolCalls(new ScriptedToolCall("c1", "lookup", "{\"endpoint\":\"a\"}"),
                        new ScriptedToolCall("c2", "lookup", "{\"endpoint\":\"b\"}"),
                        new ScriptedToolCall("c3", "lookup", "{\"endpoint\":\"c\"}")))
                .then(turn -> Reply.text("done")));
        try {
            AgentResult result = fake.clientBuilder().build().agent().tools(lookup).executor(oneThread).build()
                    .run("look up a, b and c");

            assertThat(result.answer()).isEqualTo("done");
            assertThat(threads).containsExactly("the-agents-pool");
            assertThat(mostAtOnce).as("a one-thread pool bounds the turn's calls").hasValue(1);
            assertThat(fake.journal().chatRequests().get(1).toolResults()).hasSize(3);
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void aTurnWithoutToolCallsEndsTheRunWhateverItsFinishReason() {
        fake.chat().respondWith(ScriptedConversation.create()
                .then(turn -> Reply.text("A partial answer that ran out of").withFinishReason("length")));

        AgentResult result = fake.clientBuilder().build().agent().tools(tools).build().run("Tell me everything");

        assertThat(result.answer()).isEqualTo("A partial answer that ran out of");
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }
}
