package io.github.foundryagents.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheKey;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisResponseCacheTest {

    private static final CacheKey KEY = new CacheKey("a".repeat(64));

    private final String prefix = TestRedis.uniqueQueue("cache");
    private final RedisResponseCache cache = new RedisResponseCache(TestRedis.client(), prefix);
    private final RedisCommands<String, String> redis = TestRedis.client().connect().sync();

    @AfterEach
    void cleanUp() {
        cache.close();
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis, ScanArgs.Builder.matches(prefix + ":*")).forEachRemaining(keys::add);
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        redis.getStatefulConnection().close();
    }

    private static ChatResponse answer() {
        return ChatResponse.builder().id("chatcmpl-1").content("Café – 42").finishReason(FinishReason.STOP)
                .toolCalls(List.of(new ToolCall("call_1", "lookup", "{\"q\":1}")))
                .usage(new TokenUsage(12, 7, 19)).model("gpt-4o-2024-11-20")
                .route(new Route("gpt-4o", Route.Reason.ROUTED, "complex prompt"))
                .rateLimits(new RateLimitHeaders(Map.of("x-ratelimit-remaining-tokens", "900")))
                .requestId("req-9").cost(new Cost(new BigDecimal("0.00003"), new BigDecimal("0.00007"), "USD"))
                .build();
    }

    @Test
    void storesEveryFieldOfAnAnswerForAnotherInstanceToRead() {
        cache.put(KEY, answer(), Duration.ofMinutes(5));

        try (RedisResponseCache otherInstance = new RedisResponseCache(TestRedis.client(), prefix)) {
            ChatResponse read = otherInstance.get(KEY).orElseThrow();
            ChatResponse expected = answer();
            assertThat(read.id()).isEqualTo(expected.id());
            assertThat(read.content()).isEqualTo(expected.content());
            assertThat(read.toolCalls()).isEqualTo(expected.toolCalls());
            assertThat(read.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(read.usage()).isEqualTo(expected.usage());
            assertThat(read.model()).isEqualTo(expected.model());
            assertThat(read.route()).isEqualTo(expected.route());
            assertThat(read.rateLimits()).isEqualTo(expected.rateLimits());
            assertThat(read.requestId()).isEqualTo(expected.requestId());
            assertThat(read.cost()).isEqualTo(expected.cost());
            assertThat(read.cached()).isFalse();
        }
        assertThat(redis.pttl(prefix + ":cache:" + KEY.value())).isBetween(1L, Duration.ofMinutes(5).toMillis());
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() throws InterruptedException {
        cache.put(KEY, answer(), Duration.ofMillis(150));
        assertThat(cache.get(KEY)).isPresent();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (cache.get(KEY).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(cache.get(KEY)).isEmpty();
    }

    @Test
    void anEntryThisVersionCannotReadIsAMiss() {
        redis.set(prefix + ":cache:" + KEY.value(), "{\"v\":99,\"content\":\"from the future\"}");
        assertThat(cache.get(KEY)).isEmpty();
        redis.set(prefix + ":cache:" + KEY.value(), "not json");
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(cache.get(new CacheKey("b".repeat(64)))).isEmpty();
    }

    @Test
    void twoClientInstancesShareAnswersThroughRedis() {
        try (FakeFoundry fake = FakeFoundry.start();
                RedisResponseCache otherInstance = new RedisResponseCache(TestRedis.client(), prefix)) {
            fake.chat().enqueue(Reply.text("Foundry is Azure's AI platform.").withUsage(12, 7));
            AgentClient first = fake.clientBuilder().cache(cache, CacheOptions.defaults()).build();
            AgentClient second = fake.clientBuilder().cache(otherInstance, CacheOptions.defaults()).build();
            ChatRequest request = ChatRequest.builder().user("What is Foundry?").cacheable(true).build();

            ChatResponse paid = first.chat(request);
            ChatResponse shared = second.chat(request);

            assertThat(fake.journal().chatRequests()).hasSize(1);
            assertThat(paid.cached()).isFalse();
            assertThat(shared.cached()).isTrue();
            assertThat(shared.content()).isEqualTo(paid.content());
            assertThat(shared.usage()).isEqualTo(paid.usage());
        }
    }
}
