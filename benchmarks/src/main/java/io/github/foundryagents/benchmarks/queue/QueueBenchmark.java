package io.github.foundryagents.benchmarks.queue;

import io.github.foundryagents.benchmarks.PerformanceDoc;
import io.github.foundryagents.core.http.Json;
import io.lettuce.core.RedisClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Our BullMQ-compatible Redis queue against BullMQ itself (Node, pinned 6.7.0) on the same Redis in the same run:
 * bulk add of no-op jobs, and processing at concurrency 1, 5 and 50. Each side warms up first; each case runs
 * {@code --rounds} times, alternating sides, and the median counts. Prints one JSON line per case and, with
 * {@code --record FILE}, writes the result into docs/performance.md. Run through {@code benchmarks/queue.sh}.
 */
public final class QueueBenchmark {

    static final List<String> CASES = List.of("add-bulk", "c1", "c5", "c50");
    private static final double TARGET_RATIO = 1.2;

    private QueueBenchmark() {
    }

    /**
     * @param args {@code [--jobs 20000] [--warmup 5000] [--rounds 5] [--node-dir benchmarks/queue-bullmq]
     *     [--record docs/performance.md] [--cases add-bulk,c1,c5,c50] [--sides ours,bullmq]} (only a full run
     *     is recorded)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(flag(args, "--jobs", "20000"));
        int warmup = Integer.parseInt(flag(args, "--warmup", "5000"));
        int rounds = Integer.parseInt(flag(args, "--rounds", "5"));
        String record = flag(args, "--record", null);
        List<String> cases = List.of(flag(args, "--cases", String.join(",", CASES)).split(","));
        List<String> sides = List.of(flag(args, "--sides", "ours,bullmq").split(","));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (BenchRedis redis = BenchRedis.resolve()) {
            RedisClient client = RedisClient.create(redis.url());
            BullMqRun bullmq = new BullMqRun(Path.of(flag(args, "--node-dir", "benchmarks/queue-bullmq")),
                    redis.url());
            String version = bullmq.installedVersion();
            OursQueueRun ours = new OursQueueRun(client);
            List<Rounds> results = new ArrayList<>();
            try {
                for (String benchCase : cases) {
                    Rounds result = new Rounds(benchCase, new double[rounds], new double[rounds]);
                    for (int r = 0; r < rounds; r++) {
                        String queue = run + "-" + benchCase + "-" + r;
                        result.bullmq()[r] = sides.contains("bullmq")
                                ? bullmq.run(benchCase, queue + "-bullmq", jobs, warmup) : Double.NaN;
                        result.ours()[r] = sides.contains("ours")
                                ? ours.run(benchCase, queue + "-ours", jobs, warmup) : Double.NaN;
                        System.err.printf(Locale.ROOT, "%s round %d: ours %.0f, bullmq %.0f jobs/s%n", benchCase,
                                r + 1, result.ours()[r], result.bullmq()[r]);
                    }
                    results.add(result);
                    System.out.println(result.jsonLine());
                }
            } finally {
                client.shutdown();
            }
            if (record != null && cases.equals(CASES) && sides.size() == 2) {
                PerformanceDoc.record(Path.of(record), "queue", "Task queue: foundry-agents vs BullMQ " + version,
                        "benchmarks/queue.sh", body(version, redis.where(), jobs, warmup, rounds, results),
                        results.stream().map(Rounds::jsonLine).toList());
            }
        }
    }

    private static String body(String version, String where, int jobs, int warmup, int rounds,
            List<Rounds> results) {
        StringBuilder sb = new StringBuilder()
                .append("Our `RedisTaskQueue` and its worker against BullMQ ").append(version).append(" (Node ")
                .append(nodeVersion()).append(")\non the same Redis (").append(where).append(") in the same run, ")
                .append(jobs).append(" no-op jobs per case, with the production job options\non both sides (3")
                .append(" attempts, exponential backoff 5 s, keep the last 1000 completed and 5000 failed) and no")
                .append(" rate limiter.\n`add-bulk` times one `addBulk` of all jobs; `cN` adds them first (not")
                .append(" timed), then times a worker at concurrency N\nfrom its start to the last completion. Each")
                .append(" side warms up with ").append(warmup).append(" jobs before each measurement; every case")
                .append(" runs\n").append(rounds).append(" rounds, alternating sides, and the median counts (the")
                .append(" range shows how noisy the shared machine was).\nTarget: ours ≥ ").append(TARGET_RATIO)
                .append("× BullMQ for add-bulk, c5 and c50.\n\n")
                .append("| case | ours (jobs/s) | range | BullMQ (jobs/s) | range | ratio | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Rounds r : results) {
            String target = r.benchCase().equals("c1") ? "—" : r.ratio() >= TARGET_RATIO ? "met" : "missed";
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %s | %.2f | %s |%n", r.benchCase(),
                    Math.round(median(r.ours())), range(r.ours()), Math.round(median(r.bullmq())),
                    range(r.bullmq()), r.ratio(), target));
        }
        return sb.toString();
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%,d–%,d", Math.round(sorted[0]), Math.round(sorted[sorted.length - 1]));
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return v;
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** One case's measurements, jobs per second per round. */
    private record Rounds(String benchCase, double[] ours, double[] bullmq) {
        double ratio() {
            return median(ours) / median(bullmq);
        }

        /** @return the case's line: {@code {"case", "ours_jobs_per_s", "bullmq_jobs_per_s", "ratio"}} */
        String jsonLine() {
            return Json.object().put("case", benchCase).put("ours_jobs_per_s", Math.round(median(ours)))
                    .put("bullmq_jobs_per_s", Math.round(median(bullmq)))
                    .put("ratio", Math.round(ratio() * 100) / 100.0).toString();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String flag(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
