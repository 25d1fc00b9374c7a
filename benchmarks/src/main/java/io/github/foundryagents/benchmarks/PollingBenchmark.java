package io.github.foundryagents.benchmarks;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.agents.FakeRunInfo;
import io.github.foundryagents.testkit.agents.RunScript;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How quickly each waiting strategy learns that a grounded run finished, and how many requests it spends: 20
 * concurrent runs with durations spread evenly over 10–60 s, time-scaled by the fake, for streaming, adaptive
 * polling (cold, then after learning from those runs), fixed 1 s and fixed 15 s on the classic service, then
 * streaming, adaptive polling and fixed 15 s on the Responses API, in one process. Latencies are reported in
 * unscaled (service) time.
 *
 * <p>Usage: {@code PollingBenchmark <docs/performance.md> <command>}.
 */
public final class PollingBenchmark {

    static final int RUNS = 20;
    static final double SCALE = 0.2;

    private PollingBenchmark() {
    }

    /**
     * @param args the performance doc to update and the command to record
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Path doc = Path.of(args.length > 0 ? args[0] : "docs/performance.md");
        String command = args.length > 1 ? args[1] : "benchmarks/polling.sh";
        List<String> lines = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try (FakeFoundry fake = FakeFoundry.start()) {
            fake.agents().timeScale(SCALE);
            AgentClient classic = fake.clientBuilder().agentService(AgentServiceGeneration.CLASSIC).build();
            AgentClient responses = fake.clientBuilder().agentService(AgentServiceGeneration.RESPONSES).build();
            WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling().withFirstPoll(scaled(1))
                    .withMaxInterval(scaled(15)).withBudget(PollBudget.perMinute((int) (PollBudget.DEFAULT_PER_MINUTE
                            / SCALE)));
            Map<String, WaitStrategy> strategies = new LinkedHashMap<>();
            strategies.put("streaming", WaitStrategy.streaming());
            strategies.put("adaptive-cold", adaptive);
            strategies.put("adaptive", adaptive); // the same instance, now knowing how long runs take
            strategies.put("fixed-1s", WaitStrategy.fixedInterval(scaled(1)));
            strategies.put("fixed-15s", WaitStrategy.fixedInterval(scaled(15)));
            strategies.put("responses-streaming", WaitStrategy.streaming());
            strategies.put("responses-adaptive", adaptive);
            strategies.put("responses-fixed-15s", WaitStrategy.fixedInterval(scaled(15)));
            for (Map.Entry<String, WaitStrategy> s : strategies.entrySet()) {
                AgentClient client = s.getKey().startsWith("responses-") ? responses : classic;
                Result r = measure(fake, client, s.getKey(), s.getValue());
                results.add(r);
                lines.add(r.json());
                System.out.println(r.json());
            }
        }
        PerformanceDoc.record(doc, "polling", "Waiting for grounded runs: streaming vs polling", command,
                body(results), lines);
    }

    private static Result measure(FakeFoundry fake, AgentClient client, String name, WaitStrategy strategy)
            throws Exception {
        fake.reset();
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            durations.add(Duration.ofMillis(10_000 + 50_000L * i / (RUNS - 1)));
        }
        Collections.shuffle(durations, new java.util.Random(7));
        durations.forEach(d -> fake.agents().enqueue(RunScript.answer("Grounded answer.").withDuration(d)));
        GroundedAgent agent = client.groundedAgent().waitStrategy(strategy).create();
        fake.journal().clear();
        Map<String, Instant> detected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<Future<?>> asks = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            asks.add(pool.submit(() -> agent.ask("What changed today?", AskOptions.builder()
                    .timeout(Duration.ofMinutes(5)).listener((runId, status) -> {
                        if (status == RunStatus.COMPLETED) {
                            detected.put(runId, Instant.now());
                        }
                    }).build())));
        }
        for (Future<?> f : asks) {
            f.get();
        }
        pool.shutdown();
        agent.delete();
        List<Double> detectMs = new ArrayList<>();
        List<Double> detectShare = new ArrayList<>();
        for (FakeRunInfo run : fake.agents().runs()) {
            double real = Duration.between(run.endedAt(), detected.get(run.id())).toNanos() / 1e6;
            double runMs = Duration.between(run.createdAt(), run.endedAt()).toNanos() / 1e6;
            detectMs.add(Math.max(0, real) / SCALE);
            detectShare.add(Math.max(0, real) / runMs);
        }
        List<RecordedRequest> requests = fake.journal().all();
        long runRequests = requests.stream().filter(r -> r.path().contains("/runs") || r.path().contains("/responses")
                || (r.method().equals("GET") && r.path().endsWith("/messages"))).count();
        long statusRequests = requests.stream().filter(r -> (r.method().equals("GET") && r.path().matches(
                ".*/(runs|responses)/[^/]+")) || (r.method().equals("POST") && r.body().path("stream").asBoolean()))
                .count();
        return new Result(name, (double) runRequests / RUNS, (double) statusRequests / RUNS, percentile(detectMs, 50),
                percentile(detectMs, 95), percentile(detectShare, 50) * 100);
    }

    private static Duration scaled(double seconds) {
        return Duration.ofNanos((long) (seconds * SCALE * 1e9));
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String body(List<Result> results) {
        StringBuilder sb = new StringBuilder()
                .append(RUNS).append(" concurrent grounded runs on the fake Agent Service, durations spread evenly")
                .append(" over 10–60 s and run at ").append(SCALE).append("× speed; latencies converted back to")
                .append(" service time. *requests/run* counts the run's own requests (create run, status polls or")
                .append(" the stream, reading the answer and its run steps); thread creation and deletion, the same")
                .append(" for every strategy, are left out. *status/run* counts only the polls (or the one stream).")
                .append(" *adaptive-cold* is adaptive polling's first batch; *adaptive* is the next batch, after it")
                .append(" has learnt when runs finish. Baselines: fixed 1 s (the SDKs' default) and fixed 15 s (the")
                .append(" guidance's production setting). Rows starting *responses-* run the same workload on the")
                .append(" Responses API (background responses, polled with `GET /responses/{id}`, or streamed);")
                .append(" *responses-adaptive* shares what adaptive polling learnt on the classic rows.\n\n")
                .append("| strategy | requests/run | status/run | p50 detection | p95 detection | p50 detection"
                        + " / run time |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f ms | %.0f ms | %.1f %% |%n", r.name,
                    r.requestsPerRun, r.statusPerRun, r.p50, r.p95, r.p50Share));
        }
        Result streaming = results.get(0);
        Result adaptive = results.get(2);
        sb.append("\nTargets: streaming ≤ 3 requests/run and p50 detection ≤ 1 s: ")
                .append(streaming.requestsPerRun <= 3 && streaming.p50 <= 1000 ? "**met**" : "**missed**")
                .append(". Adaptive polling ≤ 6 requests/run: ").append(adaptive.requestsPerRun <= 6 ? "**met**"
                        : "**missed**")
                .append("; p50 detection ≤ 10 % of run time: ").append(adaptive.p50Share <= 10 ? "**met**"
                        : "**missed**").append(".\n");
        return sb.toString();
    }

    private record Result(String name, double requestsPerRun, double statusPerRun, double p50, double p95,
            double p50Share) {
        String json() {
            return String.format(Locale.ROOT, "{\"strategy\":\"%s\",\"requests_per_run\":%.2f,"
                    + "\"status_requests_per_run\":%.2f,\"p50_detect_ms\":%.0f,\"p95_detect_ms\":%.0f,"
                    + "\"p50_detect_pct_of_run\":%.1f}", name, requestsPerRun, statusPerRun, p50, p95, p50Share);
        }
    }
}
