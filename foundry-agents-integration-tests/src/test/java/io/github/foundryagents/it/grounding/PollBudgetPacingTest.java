package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AskRetry;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared {@link PollBudget} paces concurrent runs: eight asks that would each poll every 10-50 ms together
 * stay within the budget's capacity of status requests (10 per second here), measured on the fake's clock.
 */
@WithFakeFoundry
class PollBudgetPacingTest {

    private static final int RUNS = 8;
    private static final int PER_MINUTE = 600; // one status request per 100 ms for the whole process
    private static final int BURST = 1;
    private static final Duration SPACING = Duration.ofMinutes(1).dividedBy(PER_MINUTE);

    @ParameterizedTest
    @EnumSource(AgentServiceGeneration.class)
    void concurrentRunsShareTheBudgetsCapacity(AgentServiceGeneration generation, FakeFoundry fake) throws Exception {
        PollBudget budget = PollBudget.perMinute(PER_MINUTE, BURST);
        WaitStrategy eager = WaitStrategy.adaptivePolling().withFirstPoll(Duration.ofMillis(10))
                .withMaxInterval(Duration.ofMillis(50)).withBudget(budget);
        GroundedAgent agent = Setups.client(fake, generation).groundedAgent().waitStrategy(eager)
                .askRetry(AskRetry.none()).create();
        for (int i = 0; i < RUNS; i++) {
            fake.agents().enqueue(RunScript.answer("paced " + i).withDuration(Duration.ofSeconds(150))); // 1.5 s
        }
        ExecutorService callers = Executors.newFixedThreadPool(RUNS);
        List<Future<GroundedAnswer>> asks = new ArrayList<>();
        try {
            for (int i = 0; i < RUNS; i++) {
                asks.add(callers.submit(() -> agent.ask("Pace me")));
            }
            for (Future<GroundedAnswer> ask : asks) {
                assertThat(ask.get(60, TimeUnit.SECONDS).content()).startsWith("paced ");
            }
        } finally {
            callers.shutdownNow();
        }

        List<Instant> polls = fake.journal().matching(r -> isStatusPoll(r, generation)).stream()
                .map(RecordedRequest::receivedAt).sorted().toList();
        // unpaced, eight runs polling every 10-50 ms would send well over 100 status requests per second
        assertThat(polls).hasSizeGreaterThan(RUNS);
        Duration window = Duration.ofSeconds(1);
        long allowed = window.toNanos() / SPACING.toNanos() + BURST + 1; // +1: a slot on each edge of the window
        for (int i = 0; i < polls.size(); i++) {
            Instant end = polls.get(i).plus(window);
            long inWindow = polls.stream().skip(i).takeWhile(t -> t.isBefore(end)).count();
            assertThat(inWindow).as("status requests within 1 s from poll %d of %d", i, polls.size())
                    .isLessThanOrEqualTo(allowed);
        }
        Duration spread = Duration.between(polls.get(0), polls.get(polls.size() - 1));
        assertThat((long) polls.size()).as("status requests over %s", spread)
                .isLessThanOrEqualTo(spread.toNanos() / SPACING.toNanos() + BURST + 1);
    }

    private static boolean isStatusPoll(RecordedRequest r, AgentServiceGeneration generation) {
        return r.method().equals("GET") && (Setups.classic(generation)
                ? r.path().matches(".*/threads/[^/]+/runs/[^/]+")
                : r.path().matches(".*/openai/v1/responses/[^/]+"));
    }
}
