package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.RateLimitHeaders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * Drives a {@link DeploymentBudget} against a simulated Azure deployment on simulated time: a sliding one-minute
 * token window and ten-second request windows, charging each request on arrival with its true prompt tokens (15 %
 * more than the client's heuristic) plus {@code max_tokens}, answering 429 with a hint when a budget is spent and
 * {@code x-ratelimit-remaining-*} otherwise. The client is told nothing about the quota.
 */
class PacerLearningSimulationTest {

    private static final long S = 1_000_000_000L;
    private static final long LATENCY = 2 * S;

    /** The simulated deployment's limiter. */
    private static final class SimulatedAzure {
        private final long tokenLimit;
        private final long requestLimit;
        private final Deque<long[]> tokens = new ArrayDeque<>();
        private final Deque<Long> requests = new ArrayDeque<>();
        long charged;
        long lastArrival;

        SimulatedAzure(long tokenLimit, long requestLimit) {
            this.tokenLimit = tokenLimit;
            this.requestLimit = requestLimit;
        }

        /** @return remaining {tokens, requests}, or {-1, hintNanos} when refused */
        long[] arrive(long now, long charge) {
            tokens.removeIf(c -> c[0] + 60 * S <= now);
            requests.removeIf(r -> r + 10 * S <= now);
            long used = tokens.stream().mapToLong(c -> c[1]).sum();
            if (used + charge > tokenLimit) {
                long free = used;
                for (long[] c : tokens) {
                    free -= c[1];
                    if (free + charge <= tokenLimit) {
                        return new long[] {-1, c[0] + 60 * S - now};
                    }
                }
            }
            if (requests.size() + 1 > requestLimit) {
                return new long[] {-1, requests.peekFirst() + 10 * S - now};
            }
            tokens.addLast(new long[] {now, charge});
            lastArrival = now;
            requests.addLast(now);
            charged += charge;
            return new long[] {tokenLimit - used - charge, requestLimit - requests.size()};
        }
    }

    private record InFlight(long doneAt, DeploymentBudget.Ticket ticket, long[] remaining) {
    }

    private record Outcome(long finishedAt, long lastArrival, int refused, double goodput, DeploymentBudget budget) {
    }

    /** 400 calls, 12 at a time, 2 s each, against 20,000 TPM and 150 RPM (25 per 10 s). */
    private static Outcome simulate(PacingOptions options) {
        SimulatedAzure azure = new SimulatedAzure(20_000, 25);
        DeploymentBudget budget = new DeploymentBudget("d", options);
        int total = 400;
        int concurrency = 12;
        long heuristicPrompt = 100;
        long truePrompt = 115;
        int maxTokens = 100;
        PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.doneAt, b.doneAt));
        List<DeploymentBudget.Ticket> waiting = new ArrayList<>();
        int created = 0;
        int succeeded = 0;
        int refused = 0;
        long now = 0;
        while (succeeded < total) {
            while (created < total && waiting.size() + inFlight.size() < concurrency) {
                waiting.add(budget.enqueue(heuristicPrompt, maxTokens, 10));
                created++;
            }
            budget.admitReady(now);
            for (DeploymentBudget.Ticket t : List.copyOf(waiting)) {
                if (!t.granted()) {
                    continue;
                }
                waiting.remove(t);
                long[] answer = azure.arrive(now, truePrompt + maxTokens);
                if (answer[0] < 0) {
                    refused++;
                    budget.rateLimited(t, answer[1], now);
                    waiting.add(budget.enqueue(heuristicPrompt, maxTokens, 10)); // the retry
                } else {
                    inFlight.add(new InFlight(now + LATENCY, t, answer));
                }
            }
            long next = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().doneAt;
            long wake = waiting.isEmpty() ? Long.MAX_VALUE : now + Math.max(1, budget.nanosUntilHeadFits(now));
            now = Math.min(next, wake);
            while (!inFlight.isEmpty() && inFlight.peek().doneAt <= now) {
                InFlight f = inFlight.poll();
                budget.succeeded(f.ticket, truePrompt, 40, new RateLimitHeaders(Map.of(
                        "x-ratelimit-remaining-tokens", Long.toString(f.remaining[0]),
                        "x-ratelimit-remaining-requests", Long.toString(f.remaining[1]))), now);
                succeeded++;
            }
        }
        // The goodput: tokens Azure counted for successful calls / (quota x elapsed windows).
        double goodput = azure.charged / (azure.tokenLimit * ((double) now / (60 * S)));
        return new Outcome(now, azure.lastArrival, refused, goodput, budget);
    }

    @Test
    void learnsAnUnknownQuotaAndUsesItWithoutBeingRefused() {
        Outcome learned = simulate(PacingOptions.learning());

        assertThat(learned.budget().tokenLimit()).hasValue(20_000);
        assertThat(learned.budget().requestLimit()).hasValue(25);
        assertThat(learned.refused()).isLessThanOrEqualTo(4);
        assertThat(learned.goodput()).isGreaterThan(0.95);
    }

    @Test
    void learningCostsLittleMoreThanBeingToldTheQuota() {
        Outcome learned = simulate(PacingOptions.learning());
        Outcome told = simulate(PacingOptions.builder().tokensPerMinute("d", 20_000).requestsPerMinute("d", 150)
                .build());

        assertThat(told.refused()).isZero();
        assertThat(learned.lastArrival()).isLessThanOrEqualTo(told.lastArrival() + LATENCY + S);
    }
}
