package io.github.foundryagents.benchmarks;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.ChatTransport;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.routing.ModelRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A profiling aid, not a target: what each built-in pipeline step costs in CPU time of the calling thread, over a
 * transport that answers at once (with Azure-like {@code x-ratelimit-remaining-*} headers, so pacing learns and
 * paces as against the fake). CPU time, unlike wall time, hardly moves when other processes share the machine.
 * Prints one line per configuration and batch of calls, so a cost that grows with the calls made shows.
 *
 * <p>Arguments: {@code --calls N} (default 100,000) per configuration.
 */
public final class PipelineStepCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TOKENS_PER_MINUTE = 10_000_000_000L;

    private PipelineStepCost() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int calls = args.length == 2 && args[0].equals("--calls") ? Integer.parseInt(args[1]) : 100_000;
        Map<String, UnaryOperator<AgentClient.Builder>> configurations = Map.of(
                "1 retry + default deployment", b -> b.pacing(PacingOptions.disabled()),
                "2 + pacing", b -> b,
                "3 + router", b -> b.pacing(PacingOptions.disabled()).router(ModelRouter.defaults()),
                "4 + cache (miss)", b -> b.pacing(PacingOptions.disabled()).cache(CacheOptions.defaults()),
                "5 + metering", b -> b.pacing(PacingOptions.disabled()).meterRegistry(new SimpleMeterRegistry()),
                "6 full pipeline", OverheadBenchmark::fullPipeline);
        configurations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> measure(c.getKey(), c.getValue(), calls));
    }

    private static void measure(String name, UnaryOperator<AgentClient.Builder> configure, int calls) {
        long[] charged = {0};
        ChatTransport instant = request -> {
            charged[0] += 200;
            return ChatResponse.builder().id("x").content("ok").finishReason(FinishReason.STOP)
                    .usage(new TokenUsage(60, 10, 70)).model("gpt-4o-mini")
                    .route(new Route(request.deployment().orElseThrow(), Route.Reason.EXPLICIT, ""))
                    .rateLimits(new RateLimitHeaders(Map.of(
                            "x-ratelimit-remaining-tokens", Long.toString(TOKENS_PER_MINUTE - charged[0]),
                            "x-ratelimit-remaining-requests", Long.toString(TOKENS_PER_MINUTE / 1_000 * 6))))
                    .build();
        };
        AgentClient client = configure.apply(AgentClient.builder().endpoint("https://bench.openai.azure.com")
                .apiKey("not-used").transport(instant)).build();
        int batch = Math.max(1, calls / 5);
        for (int done = 0; done < calls; done += batch) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = done; i < done + batch; i++) {
                client.chat(OverheadBenchmark.request(i));
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            for (int i = done; i < done + batch; i++) {
                instant.send(OverheadBenchmark.request(i).toBuilder().deployment("gpt-4o-mini").build());
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            long pipeline = t1 - t0;
            long transport = t2 - t1;
            System.out.printf(Locale.ROOT, "%-30s calls %7d  pipeline %8.2f µs  transport alone %6.2f µs%n", name,
                    done + batch, pipeline / 1e3 / batch, transport / 1e3 / batch);
        }
    }
}
