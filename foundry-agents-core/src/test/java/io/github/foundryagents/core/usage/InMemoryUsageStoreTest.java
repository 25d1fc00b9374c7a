package io.github.foundryagents.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryUsageStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static UsageRecord call(String user, Instant at, long prompt, long completion, String cost) {
        return new UsageRecord(at, user, "chat", "gpt-4o", "gpt-4o-2024-11-20",
                new TokenUsage(prompt, completion, prompt + completion),
                cost == null ? null : new Cost(new BigDecimal(cost), BigDecimal.ZERO, "USD"));
    }

    @Test
    void sumsAUsersCallsSinceAnInstantWithTheirCost() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        store.record(call("alice", T0.minusSeconds(1), 1000, 1000, "1"));
        store.record(call("alice", T0.plusSeconds(10), 100, 20, "0.25"));
        store.record(call("alice", T0.plus(Duration.ofDays(3)), 50, 5, null));
        store.record(call("bob", T0.plusSeconds(10), 7, 7, "9"));
        store.record(call(null, T0.plusSeconds(10), 7, 7, "9"));

        UsageTotals alice = store.totalSince("alice", T0);

        assertThat(alice.calls()).isEqualTo(2);
        assertThat(alice.tokens()).isEqualTo(new TokenUsage(150, 25, 175));
        assertThat(alice.cost().orElseThrow().total()).isEqualByComparingTo("0.25");
        assertThat(store.totalSince("carol", T0)).isEqualTo(UsageTotals.NONE);
    }

    @Test
    void theLatestPeriodStaysExactAsCallsArriveAndOtherPeriodsAreRecomputed() {
        InMemoryUsageStore store = new InMemoryUsageStore();
        store.record(call("alice", T0.plusSeconds(5), 10, 0, null));
        assertThat(store.totalSince("alice", T0).tokens().totalTokens()).isEqualTo(10);

        store.record(call("alice", T0.plusSeconds(30), 1, 0, null));       // same minute as the period start
        store.record(call("alice", T0.minusSeconds(30), 100, 0, null));    // before the period
        store.record(call("alice", T0.plus(Duration.ofDays(20)), 2, 0, "0.5"));

        assertThat(store.totalSince("alice", T0).tokens().totalTokens()).isEqualTo(13);
        assertThat(store.totalSince("alice", T0).calls()).isEqualTo(3);
        assertThat(store.totalSince("alice", T0.minusSeconds(60)).tokens().totalTokens()).isEqualTo(113);
        assertThat(store.totalSince("alice", T0.plus(Duration.ofDays(1))).tokens().totalTokens()).isEqualTo(2);
        assertThat(store.totalSince("alice", T0).cost().orElseThrow().total()).isEqualByComparingTo("0.5");
    }

    @Test
    void forgetsUsageOlderThanTheRetention() {
        InMemoryUsageStore store = new InMemoryUsageStore(Duration.ofDays(1));
        store.record(call("alice", T0, 10, 0, null));
        store.record(call("alice", T0.plus(Duration.ofDays(2)), 1, 0, null));

        assertThat(store.totalSince("alice", T0.minus(Duration.ofDays(1))).tokens().totalTokens()).isEqualTo(1);
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        InMemoryUsageStore store = new InMemoryUsageStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.record(call("alice", T0.plusSeconds(i % 7), 1, 1, "0.001"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        UsageTotals totals = store.totalSince("alice", T0);
        assertThat(totals.calls()).isEqualTo(2000);
        assertThat(totals.tokens().totalTokens()).isEqualTo(4000);
        assertThat(totals.cost().orElseThrow().total()).isEqualByComparingTo("2.000");
    }
}
