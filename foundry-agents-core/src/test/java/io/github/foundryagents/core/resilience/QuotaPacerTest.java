package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuotaPacerTest {

    private final FakeTime time = new FakeTime();

    /** 1,000 tokens per minute; each demand below costs 100 + 300 = 400. */
    private final QuotaPacer pacer = new QuotaPacer(PacingOptions.builder().tokensPerMinute("gpt-4o", 1_000)
            .requestsPerMinute("gpt-4o", 600).build(), time);

    private static QuotaPacer.Demand demand() {
        return new QuotaPacer.Demand("gpt-4o", 100, 300, 10);
    }

    @Test
    void waitsOnTheInjectedClockUntilOldChargesLeaveTheWindow() {
        long start = time.nanoTime();
        pacer.acquire(demand(), null);
        pacer.acquire(demand(), null);

        pacer.acquire(demand(), null);

        assertThat(Duration.ofNanos(time.nanoTime() - start)).isBetween(Duration.ofSeconds(60),
                Duration.ofMillis(60_300));
        assertThat(pacer.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(400); // both earlier charges left
    }

    @Test
    void aWaitNeverOutlastsTheCallsDeadline() {
        pacer.acquire(demand(), null);
        pacer.acquire(demand(), null);
        long start = time.nanoTime();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
                () -> pacer.acquire(demand(), Deadline.after(Duration.ofSeconds(5), time)));

        assertThat(Duration.ofNanos(time.nanoTime() - start)).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.getMessage()).contains("deployment 'gpt-4o'").contains("budget 1000 tokens per 60000 ms")
                .contains("allow a longer timeout");
        assertThat(pacer.snapshot("gpt-4o").orElseThrow().queued()).isZero();
    }

    @Test
    void aHoldLongerThanTheDeadlineFailsWithoutWaiting() {
        pacer.acquire(demand(), null).rateLimited(Duration.ofSeconds(30));
        long start = time.nanoTime();

        catchThrowableOfType(DeadlineExceededException.class,
                () -> pacer.acquire(demand(), Deadline.after(Duration.ofSeconds(10), time)));

        assertThat(time.nanoTime()).isEqualTo(start);
    }

    @Test
    void interruptionStopsTheWaitAtOnce() {
        pacer.acquire(demand(), null);
        pacer.acquire(demand(), null);
        Thread.currentThread().interrupt();
        try {
            CallCancelledException e = catchThrowableOfType(CallCancelledException.class,
                    () -> pacer.acquire(demand(), null));

            assertThat(e).hasMessageContaining("waiting for its quota");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(pacer.snapshot("gpt-4o").orElseThrow().queued()).isZero();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void onlyTheFirstReportedOutcomeCounts() {
        QuotaPacer.Permit permit = pacer.acquire(demand(), null);

        permit.succeeded(new TokenUsage(50, 10, 60), RateLimitHeaders.NONE);
        permit.rateLimited(Duration.ofMinutes(5));
        permit.failed();

        assertThat(pacer.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(350);
        pacer.acquire(demand(), Deadline.after(Duration.ofMillis(1), time)); // not held by the ignored 429
    }

    @Test
    void budgetsAreKeptPerDeployment() {
        pacer.acquire(demand(), null);
        pacer.acquire(new QuotaPacer.Demand("other", 100, 300, 10), null);

        assertThat(pacer.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(400);
        assertThat(pacer.snapshot("other").orElseThrow().mode()).isEqualTo("PROBING");
        assertThat(pacer.snapshot("unused")).isEmpty();
    }

    @Test
    void allThreadsOfAClientShareOneBudget() throws Exception {
        // 80,000 TPM over a 600 ms window: 800 tokens, two calls of 400 per window.
        QuotaPacer shared = new QuotaPacer(PacingOptions.builder().window(Duration.ofMillis(600))
                .tokensPerMinute("gpt-4o", 80_000).requestsPerMinute("gpt-4o", 1_000_000).build());
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> {
                    shared.acquire(demand(), null);
                    grants.add(System.nanoTime() - start);
                }));
            }
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> sorted = grants.stream().sorted().toList();

        assertThat(Duration.ofNanos(sorted.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(Duration.ofNanos(sorted.get(4))).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }
}
