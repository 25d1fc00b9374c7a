package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PollBudgetTest {

    @Test
    void theIntervalEachRunGetsFollowsTheCapacityFormula() {
        PollBudget budget = PollBudget.perMinute(400);

        assertThat(budget.minimumInterval(1)).isEqualTo(Duration.ofMillis(150));
        assertThat(budget.minimumInterval(20)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void concurrentRunsShareTheRateAfterAOneSecondBurst() throws Exception {
        PollBudget budget = PollBudget.perMinute(6000); // 100 per second, burst of 100
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<Boolean>> polls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            polls.add(pool.submit(() -> budget.acquire(System.nanoTime() + Duration.ofSeconds(5).toNanos())));
        }
        for (Future<Boolean> p : polls) {
            assertThat(p.get()).isTrue();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();

        assertThat(elapsedMs).isBetween(400L, 1500L); // ~50 polls beyond the burst at 10 ms each
    }

    @Test
    void aBurstGoesAtOnceThenTheRateSpacesPolls() throws Exception {
        ManualTicker clock = new ManualTicker();
        PollBudget budget = new PollBudget(60, 3, clock); // one a second, three at once
        long start = clock.nanoTime();
        List<Long> turns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(budget.acquire(start + Duration.ofMinutes(1).toNanos())).isTrue();
            turns.add(Duration.ofNanos(clock.nanoTime() - start).toMillis());
        }

        assertThat(turns).containsExactly(0L, 0L, 0L, 1000L, 2000L);
    }

    @Test
    void theDefaultBurstIsOneSecondsWorthOfPolls() {
        assertThat(PollBudget.shared().burst()).isEqualTo(5);
        assertThat(PollBudget.perMinute(6000).burst()).isEqualTo(100);
        assertThat(PollBudget.perMinute(30).burst()).isEqualTo(1);
        assertThat(PollBudget.perMinute(3000, 5).burst()).isEqualTo(5);
    }

    @Test
    void refusesATurnThatWouldComeAfterTheDeadline() throws Exception {
        PollBudget budget = PollBudget.perMinute(1);
        assertThat(budget.acquire(System.nanoTime() + 1_000_000)).isTrue();

        assertThat(budget.acquire(System.nanoTime() + 1_000_000)).isFalse();
    }
}
