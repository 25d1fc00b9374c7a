package io.github.foundryagents.benchmarks;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Quota;
import io.github.foundryagents.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Goodput under a rate limit: 300 chat calls (400-character prompts, {@code max_tokens} 100, 16 at a time) against a
 * deployment whose quota admits only a fraction of them per window, on the testkit's fake Azure with its minute
 * scaled to six seconds. Measures, in one run, (a) foundry-agents learning the quota, (b) foundry-agents with pacing
 * off (retries only) and (c) a plain client with the Azure SDK's default retry, and prints one JSON line each.
 *
 * <p>With {@code --endpoint URL --api-key KEY --deployment NAME} it runs only foundry-agents against that
 * Azure-compatible endpoint (real minutes) and prints one JSON line.
 */
public final class RateLimitBenchmark {

    private static final String DEPLOYMENT = "gpt-4o";
    private static final String WARM_UP_DEPLOYMENT = "gpt-4o-mini";
    /** The fake's minute: ten times shorter than Azure's, so the run takes about a minute per client. */
    private static final Duration MINUTE = Duration.ofSeconds(6);
    /** 51,500 TPM (309 RPM): 5,150 tokens per six-second window, about 25 of the 300 calls. */
    private static final long TOKENS_PER_MINUTE = 51_500;
    private static final int MAX_TOKENS = 100;
    private static final int PROMPT_CHARS = 400;
    /** How long the fake takes to answer, a tenth of a typical 100-token completion, like the minute. */
    private static final Duration ANSWER_TIME = Duration.ofMillis(150);
    private static final String FILLER = "Summarise these operations notes for the on-call engineer, keeping numbers"
            + " and names exact. ";

    private RateLimitBenchmark() {
    }

    /**
     * @param args {@code [--requests N] [--concurrency C] [--record docs/performance.md]}, or
     *     {@code --endpoint URL --api-key KEY --deployment NAME [--requests N] [--concurrency C]}
     * @throws Exception when the run cannot complete
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int requests = Integer.parseInt(options.getOrDefault("--requests", "300"));
        int concurrency = Integer.parseInt(options.getOrDefault("--concurrency", "16"));
        if (options.containsKey("--endpoint")) {
            System.out.println(againstEndpoint(options, requests, concurrency));
            return;
        }
        List<String> lines = againstFake(requests, concurrency);
        lines.forEach(System.out::println);
        if (options.containsKey("--record")) {
            PerformanceDoc.record(Path.of(options.get("--record")), "ratelimit",
                    "Rate limits: goodput under a quota (benchmarks/ratelimit.sh)", "benchmarks/ratelimit.sh",
                    RateLimitReport.markdown(lines, requests, concurrency, MINUTE.toMillis() / 1000.0), lines);
        }
    }

    static String prompt(int i) {
        StringBuilder sb = new StringBuilder("Request " + i + ". ");
        while (sb.length() < PROMPT_CHARS) {
            sb.append(FILLER);
        }
        return sb.substring(0, PROMPT_CHARS);
    }

    private static ChatRequest request(int i, String deployment) {
        return ChatRequest.builder().user(prompt(i)).deployment(deployment).maxTokens(MAX_TOKENS).build();
    }

    private static List<String> againstFake(int requests, int concurrency) throws InterruptedException {
        Quota quota = Quota.tpm(TOKENS_PER_MINUTE).window(MINUTE);
        List<String> lines = new ArrayList<>();
        try (FakeFoundry fake = FakeFoundry.start()) {
            // Every answer uses its max_tokens, so what Azure reserves is what the call uses.
            fake.chat().respondWith(r -> Reply.text("x".repeat(4 * MAX_TOKENS)).withFinishReason("length")
                    .withDelay(ANSWER_TIME));
            AgentClient learning = fake.clientBuilder().pacing(PacingOptions.builder().window(MINUTE).build()).build();
            AgentClient retryOnly = fake.clientBuilder().pacing(PacingOptions.disabled()).build();
            AzureCoreDefaultRetryClient plain = new AzureCoreDefaultRetryClient(fake.endpoint().toString(), "key");
            lines.add(measure(fake, quota, "foundry-agents", requests, concurrency, ours(learning)));
            lines.add(measure(fake, quota, "foundry-agents-retry-only", requests, concurrency, ours(retryOnly)));
            lines.add(measure(fake, quota, "azure-core-default-retry", requests, concurrency, (i, deployment) -> {
                var usage = plain.complete(Json.bytes(Json.object().put("model", deployment)
                        .put("max_tokens", MAX_TOKENS).set("messages", Json.mapper().createArrayNode()
                                .add(Json.object().put("role", "user").put("content", prompt(i))))));
                return usage.path("prompt_tokens").asLong() + MAX_TOKENS;
            }));
        }
        return lines;
    }

    /** One benchmarked client: makes call {@code i} and returns the tokens the quota counted for it, or throws. */
    @FunctionalInterface
    private interface Caller {
        long call(int i, String deployment);
    }

    /** @return a call through our client counting, for a success, what Azure's limiter charged: prompt + max_tokens */
    private static Caller ours(AgentClient client) {
        return (i, deployment) -> client.chat(request(i, deployment)).usage().promptTokens() + MAX_TOKENS;
    }

    private static String measure(FakeFoundry fake, Quota quota, String name, int requests, int concurrency,
            Caller client) throws InterruptedException {
        // Warm-up (class loading, connections) on another deployment: budgets are per deployment, so it teaches
        // the client nothing about the measured quota. Then the measured deployment gets fresh windows.
        client.call(0, WARM_UP_DEPLOYMENT);
        fake.quota(DEPLOYMENT, quota);
        LoadRun run = LoadRun.run(requests, concurrency, i -> client.call(i, DEPLOYMENT));
        double windows = (double) run.wallNanos() / quota.window().toNanos();
        double goodput = run.successfulTokens() / (quota.tokenBudget() * windows);
        return String.format(Locale.ROOT, "{\"client\":\"%s\",\"requests\":%d,\"successes\":%d,\"failures\":%d,"
                + "\"server_429s\":%d,\"goodput\":%.3f,\"wall_ms\":%d,\"p50_ms\":%d,\"p95_ms\":%d}", name,
                run.requests(), run.successes(), run.failures(), fake.quotaRefusals(DEPLOYMENT), goodput,
                run.wallMillis(), run.percentileMillis(50), run.percentileMillis(95));
    }

    private static String againstEndpoint(Map<String, String> options, int requests, int concurrency)
            throws InterruptedException {
        String deployment = require(options, "--deployment");
        AgentClient client = AgentClient.builder().config(FoundryConfig.builder()
                .endpoint(require(options, "--endpoint")).apiKey(require(options, "--api-key"))
                .allowNonAzureHost(true).build()).build();
        Caller ours = ours(client);
        LoadRun run = LoadRun.run(requests, concurrency, i -> ours.call(i, deployment));
        return String.format(Locale.ROOT, "{\"client\":\"foundry-agents\",\"requests\":%d,\"successes\":%d,"
                + "\"failures\":%d,\"wall_ms\":%d,\"p50_ms\":%d,\"p95_ms\":%d}", run.requests(), run.successes(),
                run.failures(), run.wallMillis(), run.percentileMillis(50), run.percentileMillis(95));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'; options:"
                        + " --requests N --concurrency C --record PATH, or --endpoint URL --api-key KEY"
                        + " --deployment NAME");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required with --endpoint");
        }
        return value;
    }
}
