package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentCancelledException;
import io.github.foundryagents.core.agent.AgentLimitExceededException;
import io.github.foundryagents.core.agent.AgentListener;
import io.github.foundryagents.core.agent.AgentTimeoutException;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRole;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The guards: iteration limit, run deadline, cancellation by interrupt. */
@WithFakeFoundry
class AgentLimitsTest {

    private final GuidanceTools tools = new GuidanceTools();

    @Test
    void aModelThatNeverStopsCallingToolsHitsMaxIterationsWithTheTranscript(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(request -> Reply.toolCall("search_database", "{\"query\":\"again\"}")
                .withUsage(10, 5));

        assertThatThrownBy(() -> client.agent().tools(tools).maxIterations(3).build().run("loop forever"))
                .isInstanceOfSatisfying(AgentLimitExceededException.class, e -> {
                    assertThat(e.maxIterations()).isEqualTo(3);
                    assertThat(e.iterations()).isEqualTo(3);
                    assertThat(e.usage().totalTokens()).isEqualTo(45);
                    assertThat(e.getMessage()).contains("maxIterations (3)").contains("search_database");
                    assertThat(e.transcript()).extracting(m -> m.role()).containsExactly(ChatRole.SYSTEM,
                            ChatRole.USER, ChatRole.ASSISTANT, ChatRole.TOOL, ChatRole.ASSISTANT, ChatRole.TOOL,
                            ChatRole.ASSISTANT);
                });
        assertThat(fake.journal().chatRequests()).hasSize(3);
        assertThat(tools.calls).as("the last turn's calls are not run: no turn would read them").hasSize(2);
    }

    @Test
    void theRunDeadlineInterruptsRunningToolsAndFails(FakeFoundry fake, AgentClient client) {
        AtomicBoolean interrupted = new AtomicBoolean();
        fake.chat().respondWith(request -> Reply.toolCall("fetch_external_data", "{\"endpoint\":\"/slow\"}"));
        Agent agent = client.agent().tools(GuidanceTools.slowFetch(null, interrupted)).timeout(Duration.ofMillis(400)).build();

        long before = System.nanoTime();
        assertThatThrownBy(() -> agent.run("carrier status?"))
                .isInstanceOfSatisfying(AgentTimeoutException.class, e -> {
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(400));
                    assertThat(e.getMessage()).contains("timeout of 400ms while running the tools of turn 1"
                            + " (fetch_external_data)");
                    assertThat(e.iterations()).isEqualTo(1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        ToolErrorsFedBackTest.awaitTrue(interrupted);
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void theRunDeadlineStopsTheLoopBetweenTurns(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(request -> Reply.toolCall("search_database", "{\"query\":\"ACME\"}"));
        Agent agent = client.agent().tools(tools).timeout(Duration.ofMillis(300)).listener(new AgentListener() {
            @Override
            public void onTurnStarted(int iteration, List<ChatMessage> messages) {
                if (iteration == 2) {
                    sleepPast(Duration.ofMillis(400));
                }
            }
        }).build();

        assertThatThrownBy(() -> agent.run("late orders?"))
                .isInstanceOfSatisfying(AgentTimeoutException.class, e -> {
                    assertThat(e.getMessage()).contains("timeout of 300ms before turn 2");
                    assertThat(e.iterations()).isEqualTo(1);
                    assertThat(e.transcript()).last().extracting(ChatMessage::role).isEqualTo(ChatRole.TOOL);
                });
        assertThat(fake.journal().chatRequests()).hasSize(1);
        assertThat(tools.calls).containsExactly("search_database:ACME:null");
    }

    @Test
    void anInterruptBetweenTurnsStopsTheLoopBeforeTheNextCall(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(request -> Reply.toolCall("search_database", "{\"query\":\"ACME\"}"));
        Agent agent = client.agent().tools(tools).listener(new AgentListener() {
            @Override
            public void onTurnStarted(int iteration, List<ChatMessage> messages) {
                if (iteration == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build();

        try {
            assertThatThrownBy(() -> agent.run("late orders?"))
                    .isInstanceOf(AgentCancelledException.class).hasMessageContaining("before turn 2");
        } finally {
            Thread.interrupted();
        }
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void theRunDeadlineIsPassedToEveryChatCallAsItsRemainingTime(FakeFoundry fake) {
        AtomicReference<Duration> sent = new AtomicReference<>();
        AgentClient client = fake.clientBuilder().addInterceptor((request, chain) -> {
            sent.set(request.timeout().orElse(null));
            return chain.proceed(request);
        }).build();
        fake.chat().enqueue(Reply.text("quick"));

        client.agent().timeout(Duration.ofSeconds(20)).build().run("hi");

        assertThat(sent.get()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
    }

    @Test
    void interruptingTheCallerCancelsTheRunAndItsRunningTools(FakeFoundry fake, AgentClient client)
            throws InterruptedException {
        CountDownLatch toolStarted = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        fake.chat().respondWith(request -> Reply.toolCall("fetch_external_data", "{\"endpoint\":\"/slow\"}"));
        Agent agent = client.agent().tools(GuidanceTools.slowFetch(toolStarted, interrupted)).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            try {
                agent.run("carrier status?");
            } catch (RuntimeException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });

        runner.start();
        assertThat(toolStarted.await(5, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(5_000);

        assertThat(thrown.get()).isInstanceOf(AgentCancelledException.class)
                .hasMessageContaining("while running the tools of turn 1 (fetch_external_data)");
        assertThat(flagKept).as("the interrupt flag is set again for the caller").isTrue();
        ToolErrorsFedBackTest.awaitTrue(interrupted);
    }

    @Test
    void anInterruptedCallerDoesNotStartATurn(FakeFoundry fake, AgentClient client) {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.agent().build().run("hi"))
                    .isInstanceOf(AgentCancelledException.class).hasMessageContaining("before turn 1");
        } finally {
            Thread.interrupted();
        }
        assertThat(fake.journal().chatRequests()).isEmpty();
    }

    private static void sleepPast(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
