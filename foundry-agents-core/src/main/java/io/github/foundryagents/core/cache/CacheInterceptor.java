package io.github.foundryagents.core.cache;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.PathStyle;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's cache step, after routing (so the key holds the deployment that is called) and before retry and
 * metering (so a hit costs no attempt and no tokens). A hit returns the stored answer marked
 * {@link ChatResponse#cached()}; a miss calls on and stores the answer when it is safe to reuse (finished with
 * {@code stop}, no tool calls).
 *
 * <p>Concurrent identical misses make one upstream call (single flight): the first caller calls Azure, the others
 * wait for its answer and get it marked cached. If that answer cannot be stored, or the first call fails, each
 * waiting caller makes its own call, so a failure is never shared.
 *
 * <p>Meters (Micrometer's cache names, tag {@code cache=}{@value ResponseCache#METRICS_NAME}): {@code cache.gets}
 * with {@code result=hit} (served without an upstream call, including coalesced waiters) or {@code result=miss}
 * (an upstream call was made), and {@code cache.puts}. A store that is a {@code MeterBinder} adds its own
 * eviction and size meters. Thread-safe.
 */
public final class CacheInterceptor implements ChatInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CacheInterceptor.class);

    private final ResponseCache store;
    private final CacheOptions options;
    private final String apiVersion;
    private final Counter hits;
    private final Counter misses;
    private final Counter puts;
    private final ConcurrentHashMap<CacheKey, CompletableFuture<ChatResponse>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param store where answers live
     * @param options what is cached and for how long
     * @param config the API the transport speaks, part of every key
     * @param registry where hit, miss and put counts go
     */
    public CacheInterceptor(ResponseCache store, CacheOptions options, FoundryConfig config, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.apiVersion = config.pathStyle() == PathStyle.V1 ? "v1" : config.apiVersion();
        this.hits = gets(registry, "hit");
        this.misses = gets(registry, "miss");
        this.puts = Counter.builder("cache.puts").tag("cache", ResponseCache.METRICS_NAME)
                .description("Chat answers stored in the cache").register(registry);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        if (!options.appliesTo(request)) {
            return chain.proceed(request);
        }
        CacheKey key = CacheKey.of(request, apiVersion, options.scopePerUser() ? request.userId().orElse("") : null);
        Optional<ChatResponse> stored = lookup(key);
        if (stored.isPresent()) {
            return hit(stored.get());
        }
        CompletableFuture<ChatResponse> mine = new CompletableFuture<>();
        CompletableFuture<ChatResponse> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            ChatResponse shared = await(leader);
            if (shared != null) {
                return hit(shared);
            }
            misses.increment();
            return chain.proceed(request);
        }
        try {
            stored = lookup(key); // an earlier leader may have stored it between our lookup and our claim
            if (stored.isPresent()) {
                mine.complete(stored.get());
                return hit(stored.get());
            }
            misses.increment();
            ChatResponse response = chain.proceed(request);
            boolean reusable = isReusable(response);
            if (reusable) {
                save(key, response);
            }
            mine.complete(reusable ? response : null);
            return response;
        } finally {
            mine.complete(null); // no-op when completed above; releases waiters when the call threw
            inFlight.remove(key, mine);
        }
    }

    private static boolean isReusable(ChatResponse response) {
        return response.finishReason() == FinishReason.STOP && response.toolCalls().isEmpty();
    }

    private ChatResponse hit(ChatResponse response) {
        hits.increment();
        return response.toBuilder().cached(true).build();
    }

    private Optional<ChatResponse> lookup(CacheKey key) {
        try {
            return store.get(key);
        } catch (RuntimeException e) {
            LOG.warn("Response cache lookup failed, calling Azure instead: {}", e.toString());
            return Optional.empty();
        }
    }

    private void save(CacheKey key, ChatResponse response) {
        try {
            store.put(key, response, options.ttl());
            puts.increment();
        } catch (RuntimeException e) {
            LOG.warn("Response cache store failed; the answer is returned but not cached: {}", e.toString());
        }
    }

    private static ChatResponse await(CompletableFuture<ChatResponse> leader) {
        try {
            return leader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FoundryException("Interrupted while waiting for an identical call already in flight", e);
        } catch (ExecutionException e) {
            return null; // never completed exceptionally; treated as "make your own call"
        }
    }

    private static Counter gets(MeterRegistry registry, String result) {
        return Counter.builder("cache.gets").tag("cache", ResponseCache.METRICS_NAME).tag("result", result)
                .description("Cacheable chat calls by outcome: hit (no upstream call) or miss")
                .register(registry);
    }
}
