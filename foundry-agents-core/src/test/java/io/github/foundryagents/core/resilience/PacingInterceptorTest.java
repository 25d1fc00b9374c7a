package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Priority;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.pipeline.ChatPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PacingInterceptorTest {

    private static final String PROMPT = "x".repeat(400); // 100 tokens + 3 framing + 3 priming = 106

    private final FakeTime time = new FakeTime();
    private final QuotaPacer pacer = new QuotaPacer(PacingOptions.learning(), time);
    private final List<Long> sentAt = new ArrayList<>();

    private static ChatResponse answer(long remainingTokens, long remainingRequests) {
        return ChatResponse.builder().content("ok").finishReason(FinishReason.STOP)
                .route(new Route("gpt-4o", Route.Reason.EXPLICIT, ""))
                .usage(new TokenUsage(106, 40, 146))
                .rateLimits(new RateLimitHeaders(Map.of(
                        "x-ratelimit-remaining-tokens", Long.toString(remainingTokens),
                        "x-ratelimit-remaining-requests", Long.toString(remainingRequests))))
                .build();
    }

    private ChatRequest request() {
        return ChatRequest.builder().user(PROMPT).deployment("gpt-4o").maxTokens(100).build();
    }

    @Test
    void reservesThePromptEstimatePlusMaxTokensAndLearnsFromTheAnswer() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> answer(9_000, 99));

        pipeline.execute(request());

        QuotaPacer.BudgetSnapshot budget = pacer.snapshot("gpt-4o").orElseThrow();
        assertThat(budget.tokensUsed()).isEqualTo(206);
        assertThat(budget.tokenLimit()).hasValue(9_000 + 206);
        assertThat(budget.requestLimit()).hasValue(100);
        assertThat(budget.mode()).isEqualTo("PACING");
    }

    @Test
    void a429MakesTheNextCallWaitForTheHint() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> {
            sentAt.add(time.nanoTime());
            if (sentAt.size() == 1) {
                throw Failures.rateLimited(Duration.ofSeconds(2), "retry-after-ms");
            }
            return answer(9_000, 99);
        });

        assertThatThrownBy(() -> pipeline.execute(request())).hasMessage("HTTP 429");
        pipeline.execute(request());

        assertThat(Duration.ofNanos(sentAt.get(1) - sentAt.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(206); // the refused one is free
    }

    @Test
    void aFailedCallKeepsItsChargeBecauseAzureMayHaveCountedIt() {
        QuotaPacer seeded = new QuotaPacer(PacingOptions.builder().tokensPerMinute("gpt-4o", 60_000).build(), time);
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(seeded)), r -> {
            throw Failures.server(503);
        });

        assertThatThrownBy(() -> pipeline.execute(request())).hasMessage("HTTP 503");

        assertThat(seeded.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(206);
    }

    @Test
    void needsTheDeploymentResolved() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> answer(1, 1));

        assertThatThrownBy(() -> pipeline.execute(ChatRequest.of("hi"))).hasMessageContaining("after the routing");
    }

    @Test
    void aPremiumCallOvertakesStandardCallsAlreadyWaitingForQuota() throws Exception {
        // Room for one call (206 tokens) per minute; the clock only moves when the test moves it.
        ManualTime clock = new ManualTime();
        QuotaPacer seeded = new QuotaPacer(PacingOptions.builder().tokensPerMinute("gpt-4o", 300)
                .requestsPerMinute("gpt-4o", 600).build(), clock);
        List<Integer> sentPriorities = Collections.synchronizedList(new ArrayList<>());
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(seeded)), r -> {
            sentPriorities.add(r.priority());
            return ChatResponse.builder().content("ok").finishReason(FinishReason.STOP)
                    .route(new Route("gpt-4o", Route.Reason.EXPLICIT, "")).usage(new TokenUsage(106, 40, 146))
                    .build();
        });
        pipeline.execute(request()); // spends this minute's room
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            for (int i = 1; i <= 3; i++) {
                callers.submit(() -> pipeline.execute(request()));
                int queued = i;
                await(() -> seeded.snapshot("gpt-4o").orElseThrow().queued() == queued);
            }
            callers.submit(() -> pipeline.execute(request().toBuilder().priority(Priority.PREMIUM).build()));
            await(() -> seeded.snapshot("gpt-4o").orElseThrow().queued() == 4);

            clock.advance(Duration.ofSeconds(61)); // the first charge leaves the window: room for one more
            await(() -> sentPriorities.size() == 2);
            Thread.sleep(200); // would let a wrongly admitted standard call through too

            assertThat(sentPriorities).containsExactly(Priority.STANDARD, Priority.PREMIUM);
            assertThat(seeded.snapshot("gpt-4o").orElseThrow().queued()).as("standard calls still waiting")
                    .isEqualTo(3);
        } finally {
            callers.shutdownNow(); // interrupts the waiting standard calls
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - giveUp).as("waited 10 s for the pacer").isNegative();
            Thread.sleep(5);
        }
    }

    /**
     * A clock that moves only when the test moves it; waiters really wait (in 1 ms steps, so they see it move), so
     * several threads can queue for quota at once.
     */
    private static final class ManualTime implements TimeSource {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public void sleep(Duration duration) {
            throw new UnsupportedOperationException("the pacer waits on its condition");
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            condition.awaitNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }
}
