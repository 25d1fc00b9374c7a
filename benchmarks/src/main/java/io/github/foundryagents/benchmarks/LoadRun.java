package io.github.foundryagents.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * Runs a fixed number of calls at a fixed concurrency and records each call's outcome and end-to-end latency
 * (retries and waits included).
 *
 * @param requests calls made
 * @param successes calls that returned an answer
 * @param successfulTokens tokens the quota counted for the successful calls
 * @param wallNanos time from the first call's start to the last call's end
 * @param latencies every call's latency in nanoseconds, sorted
 */
record LoadRun(int requests, int successes, long successfulTokens, long wallNanos, long[] latencies) {

    /**
     * @param requests how many calls
     * @param concurrency how many at a time
     * @param call makes call {@code i} and returns the tokens the quota counted for it, or throws on failure
     * @return the outcome
     * @throws InterruptedException when interrupted while waiting for the calls
     */
    static LoadRun run(int requests, int concurrency, IntToLongFunction call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long[] latencies = new long[requests];
        AtomicLong tokens = new AtomicLong();
        List<Future<Boolean>> outcomes = new ArrayList<>(requests);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < requests; i++) {
                int index = i;
                outcomes.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        tokens.addAndGet(call.applyAsLong(index));
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    } finally {
                        latencies[index] = System.nanoTime() - t0;
                    }
                }));
            }
            int successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                try {
                    successes += outcome.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a call escaped its own error handling", e.getCause());
                }
            }
            long wall = System.nanoTime() - start;
            Arrays.sort(latencies);
            return new LoadRun(requests, successes, tokens.get(), wall, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    int failures() {
        return requests - successes;
    }

    long wallMillis() {
        return wallNanos / 1_000_000;
    }

    /**
     * @param p a percentile in (0, 100]
     * @return the nearest-rank latency percentile in milliseconds
     */
    long percentileMillis(double p) {
        return latencies[LatencySamples.nearestRank(latencies.length, p)] / 1_000_000;
    }
}
