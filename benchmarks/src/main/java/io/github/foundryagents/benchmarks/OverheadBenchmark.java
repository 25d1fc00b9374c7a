package io.github.foundryagents.benchmarks;

import com.azure.core.http.HttpClient;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.AzureChatTransport;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.ChatTransport;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.BearerTokenPolicy;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.Quota;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What the client's cost-control pipeline adds to a call. Against the in-process fake Azure it measures, in one
 * run and interleaved round by round (so machine noise hits both alike):
 * <ul>
 *   <li>the transport alone: {@link AzureChatTransport} sending straight to the fake;</li>
 *   <li>the full pipeline: {@link AgentClient} with router, response cache (every call a miss: unique prompts),
 *       retry, quota pacing (on by default, learning the budget from the fake's rate-limit headers) and usage
 *       metering, over the same HTTP client;</li>
 *   <li>a cache hit through the full pipeline.</li>
 * </ul>
 * Prints one JSON line {@code {"overhead_ratio":…,"cache_hit_p50_us":…,…}} where overhead_ratio is the median over
 * rounds of (pipeline p50 ÷ transport p50). Targets: ratio ≤ 1.05, cache hit p50 ≤ 10 µs.
 *
 * <p>Arguments: {@code --rounds N}, {@code --calls-per-round N}, {@code --record docs/performance.md}.
 */
public final class OverheadBenchmark {

    static final double RATIO_TARGET = 1.05;
    static final double CACHE_HIT_TARGET_US = 10;
    private static final String PROMPT = "Summarise this customer message in two sentences for the support team:"
            + " the parcel arrived two days late, the box was dented, one of the three mugs inside was chipped,"
            + " and the tracking page kept showing the old delivery date even after the parcel had arrived.";

    private OverheadBenchmark() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int rounds = intArg(args, "--rounds", 60);
        int perRound = intArg(args, "--calls-per-round", 200);
        String record = stringArg(args, "--record");
        // A quota far above what one machine can send, so Azure's rate limit never enters the comparison.
        try (FakeFoundry fake = FakeFoundry.builder().defaultQuota(Quota.tpm(10_000_000_000L)).start()) {
            HttpClient http = HttpClient.createDefault();
            FoundryConfig config = FoundryConfig.builder().endpoint(fake.endpoint().toString()).build();
            ChatTransport transport = new AzureChatTransport(config, AzureHttp.create(http, null,
                    AzureHttp.authPolicy(null, new FakeTokenCredential(), BearerTokenPolicy.COGNITIVE_SERVICES_SCOPE)));
            AgentClient pipeline = fullPipeline(fake.clientBuilder().httpClient(http)).build();
            Result result = measure(transport, pipeline, rounds, perRound);
            String json = result.json();
            System.out.println(json);
            if (record != null) {
                PerformanceDoc.record(Path.of(record), "overhead", "Pipeline overhead and cache hit latency",
                        "benchmarks/overhead.sh", result.markdown(), List.of(json));
            }
        }
    }

    /**
     * The pipeline under test: every built-in step that can run on each call. Retry and pacing (learning the
     * fake's budget from its headers) are on by default; the router, the cache and metering are added here.
     */
    static AgentClient.Builder fullPipeline(AgentClient.Builder builder) {
        return builder.router(ModelRouter.defaults()).cache(CacheOptions.defaults())
                .meterRegistry(new SimpleMeterRegistry());
    }

    static Result measure(ChatTransport transport, AgentClient pipeline, int rounds, int perRound) {
        IntFunction<ChatRequest> viaTransport = i -> request(i).toBuilder().deployment("gpt-4o-mini").build();
        IntFunction<ChatRequest> viaPipeline = OverheadBenchmark::request;
        int next = 0;
        for (int i = 0; i < 1_000; i++, next++) { // warm-up: JIT, connection pool, token cache
            transport.send(viaTransport.apply(next));
            checkMiss(pipeline.chat(viaPipeline.apply(next + 10_000_000)));
        }
        LatencySamples bare = new LatencySamples(rounds * perRound);
        LatencySamples full = new LatencySamples(rounds * perRound);
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            LatencySamples roundBare = new LatencySamples(perRound);
            LatencySamples roundFull = new LatencySamples(perRound);
            for (int arm = 0; arm < 2; arm++) {
                boolean transportFirst = r % 2 == 0;
                boolean runTransport = arm == 0 == transportFirst;
                for (int i = 0; i < perRound; i++, next++) {
                    long t0 = System.nanoTime();
                    if (runTransport) {
                        transport.send(viaTransport.apply(next));
                    } else {
                        checkMiss(pipeline.chat(viaPipeline.apply(next)));
                    }
                    long t = System.nanoTime() - t0;
                    (runTransport ? roundBare : roundFull).add(t);
                    (runTransport ? bare : full).add(t);
                }
            }
            ratios[r] = (double) roundFull.median() / roundBare.median();
        }
        return new Result(LatencySamples.median(ratios), bare, full, cacheHits(pipeline), rounds, perRound);
    }

    private static LatencySamples cacheHits(AgentClient pipeline) {
        ChatRequest same = request(-1);
        pipeline.chat(same);
        for (int i = 0; i < 50_000; i++) {
            pipeline.chat(same);
        }
        LatencySamples hits = new LatencySamples(200_000);
        for (int i = 0; i < 200_000; i++) {
            long t0 = System.nanoTime();
            ChatResponse r = pipeline.chat(same);
            hits.add(System.nanoTime() - t0);
            if (!r.cached()) {
                throw new IllegalStateException("expected a cache hit");
            }
        }
        return hits;
    }

    static ChatRequest request(int i) {
        return ChatRequest.builder().user(PROMPT + " (ticket " + i + ")").maxTokens(100).cacheable(true).build();
    }

    private static void checkMiss(ChatResponse response) {
        if (response.cached()) {
            throw new IllegalStateException("the pipeline arm must miss the cache on every call");
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** One run's numbers. */
    record Result(double ratio, LatencySamples bare, LatencySamples full, LatencySamples hits, int rounds,
            int perRound) {

        boolean meetsTargets() {
            return ratio <= RATIO_TARGET && us(hits.median()) <= CACHE_HIT_TARGET_US;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"overhead_ratio\":%.4f,\"cache_hit_p50_us\":%.2f,"
                    + "\"transport_p50_us\":%.1f,\"pipeline_p50_us\":%.1f,\"cache_hit_p99_us\":%.2f,"
                    + "\"calls_per_arm\":%d,\"meets_targets\":%b}", ratio, us(hits.median()), us(bare.median()),
                    us(full.median()), us(hits.percentile(99)), bare.size(), meetsTargets());
        }

        String markdown() {
            return String.format(Locale.ROOT, """
                    Full pipeline = every built-in step a call passes through, in pipeline order: router (keyword \
                    classifier) → response cache (miss: every prompt unique, so key hashing and a store) → retry \
                    (default policy, a deadline per call) → quota pacing (on by default, not told the quota: it \
                    learns the fake's budget from `x-ratelimit-remaining-*` and reserves and corrects every call) → \
                    usage metering (Micrometer `SimpleMeterRegistry`, in-memory usage store, cost table). The fake's \
                    quota is far above what the run can use, so no call waits for quota. Baseline = \
                    `AzureChatTransport` alone. Both use one azure-core HTTP client against the in-process \
                    fake, interleaved in %d rounds of %d calls per arm (order alternating), after 1,000 warm-up \
                    calls each; the ratio is the median of the per-round p50 ratios. Cache hits: 200,000 timed \
                    calls after 50,000 warm-up.

                    | measure | p50 | p90 | p99 |
                    |---|---|---|---|
                    | transport alone (µs) | %.1f | %.1f | %.1f |
                    | full pipeline, cache miss (µs) | %.1f | %.1f | %.1f |
                    | full pipeline, cache hit (µs) | %.2f | %.2f | %.2f |

                    Overhead ratio **%.3f×** (target ≤ %.2f×), cache hit p50 **%.2f µs** (target ≤ %.0f µs): \
                    targets %s.""", rounds, perRound,
                    us(bare.median()), us(bare.percentile(90)), us(bare.percentile(99)),
                    us(full.median()), us(full.percentile(90)), us(full.percentile(99)),
                    us(hits.median()), us(hits.percentile(90)), us(hits.percentile(99)),
                    ratio, RATIO_TARGET, us(hits.median()), CACHE_HIT_TARGET_US, meetsTargets() ? "met" : "NOT met");
        }

        private static double us(long nanos) {
            return nanos / 1_000.0;
        }
    }
}
