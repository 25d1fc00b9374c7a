package io.github.foundryagents.it.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class CacheAgainstFakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private AgentClient client(FakeFoundry fake, CacheOptions options) {
        return fake.clientBuilder().cache(options).meterRegistry(registry).build();
    }

    private static ChatRequest cacheable(String prompt) {
        return ChatRequest.builder().user(prompt).cacheable(true).build();
    }

    private double gets(String result) {
        return registry.get("cache.gets").tags("cache", ResponseCache.METRICS_NAME, "result", result).counter().count();
    }

    @Test
    void aRepeatedOptedInCallIsServedFromTheCacheAndMarkedCached(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("Foundry is Azure's AI platform.").withUsage(12, 7));
        AgentClient client = client(fake, CacheOptions.defaults());

        ChatResponse first = client.chat(cacheable("What is Foundry?"));
        ChatResponse second = client.chat(cacheable("What is Foundry?"));

        assertThat(fake.journal().chatRequests()).hasSize(1);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(second.route().reason()).isEqualTo(Route.Reason.DEFAULT);
        assertThat(second.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(gets("hit")).isEqualTo(1);
        assertThat(gets("miss")).isEqualTo(1);
        assertThat(registry.get("cache.puts").counter().count()).isEqualTo(1);
    }

    @Test
    void twoDeploymentsNeverShareAnEntryForTheSamePrompt(FakeFoundry fake) {
        AgentClient client = client(fake, CacheOptions.defaults());
        ChatRequest small = cacheable("Summarise the refund policy").toBuilder().deployment("gpt4-mini").build();
        ChatRequest large = small.toBuilder().deployment("gpt4").build();

        ChatResponse fromSmall = client.chat(small);
        ChatResponse fromLarge = client.chat(large);
        ChatResponse smallAgain = client.chat(small);
        ChatResponse largeAgain = client.chat(large);

        assertThat(fake.journal().chatRequests()).extracting(RecordedRequest::deployment)
                .containsExactly("gpt-4o-mini", "gpt-4o");
        assertThat(fromLarge.cached()).isFalse();
        assertThat(fromSmall.content().orElseThrow()).startsWith("Fake reply from gpt-4o-mini to:");
        assertThat(fromLarge.content().orElseThrow()).startsWith("Fake reply from gpt-4o to:");
        assertThat(smallAgain.cached()).isTrue();
        assertThat(smallAgain.content()).isEqualTo(fromSmall.content());
        assertThat(largeAgain.cached()).isTrue();
        assertThat(largeAgain.content()).isEqualTo(fromLarge.content());
        assertThat(largeAgain.model()).isEqualTo("gpt-4o-2024-11-20");
    }

    @Test
    void toolCallTurnsAndTruncatedAnswersAreNeverCached(FakeFoundry fake) {
        fake.chat().enqueue(Reply.toolCall("search", "{\"q\":\"x\"}"), Reply.toolCall("search", "{\"q\":\"x\"}"),
                Reply.text("cut sho").withFinishReason("length"), Reply.text("cut short"));
        AgentClient client = client(fake, CacheOptions.defaults());

        ChatResponse toolTurn = client.chat(cacheable("find x"));
        ChatResponse toolTurnAgain = client.chat(cacheable("find x"));
        ChatResponse truncated = client.chat(cacheable("write a line"));
        ChatResponse retried = client.chat(cacheable("write a line"));

        assertThat(fake.journal().chatRequests()).hasSize(4);
        assertThat(toolTurn.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(toolTurnAgain.cached()).isFalse();
        assertThat(truncated.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(retried.cached()).isFalse();
        assertThat(retried.content()).contains("cut short"); // the second, complete answer
        assertThat(registry.get("cache.puts").counter().count()).isEqualTo(1);
    }

    @Test
    void temperatureZeroIsCachedOnlyWhenConfiguredAndAnOptOutAlwaysWins(FakeFoundry fake) {
        ChatRequest deterministic = ChatRequest.builder().user("2+2?").temperature(0.0).build();
        AgentClient optInOnly = client(fake, CacheOptions.defaults());
        optInOnly.chat(deterministic);
        optInOnly.chat(deterministic);
        assertThat(fake.journal().chatRequests()).hasSize(2);

        fake.journal().clear();
        AgentClient zeroCached = client(fake, CacheOptions.builder().cacheTemperatureZero(true).build());
        zeroCached.chat(deterministic);
        assertThat(zeroCached.chat(deterministic).cached()).isTrue();
        zeroCached.chat(deterministic.toBuilder().temperature(0.7).build());
        zeroCached.chat(deterministic.toBuilder().temperature(0.7).build());
        zeroCached.chat(deterministic.toBuilder().cacheable(false).build());
        assertThat(fake.journal().chatRequests()).hasSize(4);
    }

    @Test
    void concurrentIdenticalMissesMakeOneUpstreamCall(FakeFoundry fake) throws Exception {
        fake.chat().respondWith(r -> Reply.text("slow answer").withDelay(Duration.ofMillis(400)));
        AgentClient client = client(fake, CacheOptions.defaults());

        List<ChatResponse> answers = concurrently(8, () -> client.chat(cacheable("same question")));

        assertThat(fake.journal().chatRequests()).hasSize(1);
        assertThat(answers).extracting(r -> r.content().orElseThrow()).containsOnly("slow answer");
        assertThat(answers).filteredOn(ChatResponse::cached).hasSize(7);
        assertThat(gets("miss")).isEqualTo(1);
        assertThat(gets("hit")).isEqualTo(7);
    }

    @Test
    void waitersMakeTheirOwnCallsWhenTheSharedAnswerCannotBeCached(FakeFoundry fake) throws Exception {
        fake.chat().respondWith(r -> Reply.toolCall("search", "{}").withDelay(Duration.ofMillis(300)));
        AgentClient client = client(fake, CacheOptions.defaults());

        List<ChatResponse> answers = concurrently(4, () -> client.chat(cacheable("find it")));

        assertThat(fake.journal().chatRequests()).hasSize(4);
        assertThat(answers).noneMatch(ChatResponse::cached);
    }

    @Test
    void entriesCanBePrivateToAUser(FakeFoundry fake) {
        AgentClient client = client(fake, CacheOptions.builder().scopePerUser(true).build());
        ChatRequest alice = cacheable("my balance?").toBuilder().userId("alice").build();

        client.chat(alice);
        ChatResponse bob = client.chat(alice.toBuilder().userId("bob").build());
        ChatResponse aliceAgain = client.chat(alice);

        assertThat(fake.journal().chatRequests()).hasSize(2);
        assertThat(bob.cached()).isFalse();
        assertThat(aliceAgain.cached()).isTrue();
    }

    @Test
    void entriesExpireAfterTheirTimeToLive(FakeFoundry fake) throws InterruptedException {
        AgentClient client = client(fake, CacheOptions.builder().ttl(Duration.ofMillis(150)).build());

        client.chat(cacheable("q"));
        assertThat(client.chat(cacheable("q")).cached()).isTrue();
        Thread.sleep(300);
        assertThat(client.chat(cacheable("q")).cached()).isFalse();
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void aFullCacheEvictsAndCountsEvictions(FakeFoundry fake) {
        AgentClient client = client(fake, CacheOptions.builder().maximumSize(1).build());

        for (String prompt : List.of("one", "two", "three", "one", "two", "three")) {
            client.chat(cacheable(prompt));
        }

        assertThat(registry.get("cache.evictions").tags("cache", ResponseCache.METRICS_NAME).functionCounter().count())
                .isGreaterThanOrEqualTo(4);
        assertThat(registry.get("cache.size").gauge().value()).isLessThanOrEqualTo(1);
        assertThat(fake.journal().chatRequests().size()).isGreaterThanOrEqualTo(5);
    }

    private static List<ChatResponse> concurrently(int callers, java.util.concurrent.Callable<ChatResponse> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ChatResponse>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ChatResponse> answers = new ArrayList<>();
            for (Future<ChatResponse> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
