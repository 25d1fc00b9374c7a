package io.github.foundryagents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitReportTest {

    private static String line(String client, int successes, int refusals, double goodput, long wallMs) {
        return "{\"client\":\"" + client + "\",\"requests\":300,\"successes\":" + successes + ",\"failures\":"
                + (300 - successes) + ",\"server_429s\":" + refusals + ",\"goodput\":" + goodput + ",\"wall_ms\":"
                + wallMs + ",\"p50_ms\":1,\"p95_ms\":2}";
    }

    @Test
    void judgesEachTargetFromTheMeasuredLines() {
        String md = RateLimitReport.markdown(List.of(line("ours", 300, 3, 0.97, 60_000),
                line("retry-only", 250, 900, 0.99, 50_000), line("plain", 200, 800, 0.90, 40_000)), 300, 16, 6.0);

        assertThat(md).contains("goodput ≥ 0.95: **met** (0.970)").contains("429s ≤ 1 % of requests: **met** (3 = 1.0 %)")
                .contains("in completed calls: **yes**").contains("in goodput: **no**")
                .contains("| ours | 300 | 0 | 3 | 0.970 | 0.882 | 60.0 s |");
    }

    @Test
    void theIdealRunUsesBothBudgetsFromTheFirstInstant() {
        // 2 calls per 10 s token window: arrivals 0, 0, 10, 10, 20, 20.
        assertThat(RateLimitReport.idealWallSeconds(6, 2, 10, 100, 1, 0)).isEqualTo(20.0);
        // 5 per 1 s request window as well: the sixth call waits for the request window.
        assertThat(RateLimitReport.idealWallSeconds(6, 25, 6, 5, 1, 0.5)).isEqualTo(1.5);
        // The benchmark's workload: 25 calls at 0-4 s, the same every 6 s, the 300th at 70 s.
        assertThat(RateLimitReport.idealWallSeconds(300, 25, 6, 5, 1, 0.15)).isCloseTo(70.15, within(1e-9));

        String md = RateLimitReport.markdown(List.of(line("ours", 300, 0, 1.0, 71_000)), 300, 16, 6.0);
        assertThat(md).contains("complete all 300 calls under both budgets is 70.15 s")
                .contains("goodput 1.026 by the issue's definition, 0.946 incl. the opening window");
    }

    @Test
    void aMissedTargetIsReportedAsMissed() {
        String md = RateLimitReport.markdown(List.of(line("ours", 300, 4, 0.94, 60_000),
                line("plain", 300, 0, 0.99, 60_000)), 300, 16, 6.0);

        assertThat(md).contains("goodput ≥ 0.95: **not met**").contains("429s ≤ 1 % of requests: **not met**")
                .contains("in completed calls: **no**").contains("in 429s: **no**");
    }

    @Test
    void loadRunCountsSuccessesTokensAndLatencyPercentiles() throws InterruptedException {
        LoadRun run = LoadRun.run(20, 4, i -> {
            if (i % 5 == 0) {
                throw new IllegalStateException("refused");
            }
            return 10;
        });

        assertThat(run.successes()).isEqualTo(16);
        assertThat(run.failures()).isEqualTo(4);
        assertThat(run.successfulTokens()).isEqualTo(160);
        assertThat(run.percentileMillis(95)).isGreaterThanOrEqualTo(run.percentileMillis(50));
    }
}
