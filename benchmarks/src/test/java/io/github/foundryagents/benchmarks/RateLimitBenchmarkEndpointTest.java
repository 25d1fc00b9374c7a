package io.github.foundryagents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code benchmarks/ratelimit.sh --endpoint URL --api-key KEY --deployment NAME ...}: only foundry-agents runs, against
 * the given Azure-compatible endpoint (here a fake Azure that accepts only that key), and prints one JSON line.
 */
class RateLimitBenchmarkEndpointTest {

    @Test
    void endpointModeRunsOurClientAgainstTheEndpointAndPrintsOneJsonLine() throws Exception {
        try (FakeFoundry fake = FakeFoundry.builder().requireApiKey("bench-key").start()) {
            String out = stdoutOf(() -> RateLimitBenchmark.main(new String[] {"--endpoint",
                    fake.endpoint().toString(), "--api-key", "bench-key", "--deployment", "gpt-4o", "--requests", "5",
                    "--concurrency", "2"}));

            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1);
            JsonNode line = Json.parse(lines.get(0).getBytes(StandardCharsets.UTF_8));
            List<String> keys = new ArrayList<>();
            line.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("client", "requests", "successes", "failures", "wall_ms", "p50_ms",
                    "p95_ms");
            assertThat(line.path("client").asText()).isEqualTo("foundry-agents");
            assertThat(line.path("requests").asInt()).isEqualTo(5);
            assertThat(line.path("successes").asInt()).isEqualTo(5);
            assertThat(line.path("failures").asInt()).isZero();
            assertThat(line.path("wall_ms").asLong()).isPositive();
            assertThat(line.path("p95_ms").asLong()).isGreaterThanOrEqualTo(line.path("p50_ms").asLong());
            assertThat(fake.journal().matching(r -> "gpt-4o".equals(r.deployment()))).as("calls that reached it")
                    .hasSize(5);
        }
    }

    /** Runs the action with {@code System.out} captured. */
    private static String stdoutOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
