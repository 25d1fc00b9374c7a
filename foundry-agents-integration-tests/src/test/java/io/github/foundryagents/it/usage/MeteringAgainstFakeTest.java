package io.github.foundryagents.it.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class MeteringAgainstFakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static Map<String, String> tags(Meter meter) {
        return meter.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue));
    }

    @Test
    void tokensAndDurationCarryTheOpenTelemetryGenAiNamesAndAttributes(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("hi").withUsage(12, 3));
        AgentClient client = fake.clientBuilder().meterRegistry(registry).build();

        client.chat(ChatRequest.builder().user("hello").userId("alice").build());

        DistributionSummary input = registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input")
                .summary();
        DistributionSummary output = registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output")
                .summary();
        assertThat(input.count()).isEqualTo(1);
        assertThat(input.totalAmount()).isEqualTo(12);
        assertThat(output.totalAmount()).isEqualTo(3);
        assertThat(input.getId().getBaseUnit()).isEqualTo("{token}");
        assertThat(tags(input)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.provider.name", "azure.ai.openai",
                "gen_ai.request.model", "gpt-4o-mini",
                "gen_ai.response.model", "gpt-4o-mini-2024-07-18",
                "gen_ai.token.type", "input"));
        Timer duration = registry.get("gen_ai.client.operation.duration").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(tags(duration)).containsEntry("error.type", "none").containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "azure.ai.openai")
                .containsEntry("gen_ai.request.model", "gpt-4o-mini")
                .containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18");
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .noneMatch(t -> t.getValue().equals("alice") || t.getKey().contains("user")));
    }

    @Test
    void histogramsUseTheOpenTelemetryBucketBoundaries(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("hi").withUsage(100, 5));
        fake.clientBuilder().meterRegistry(registry).build().chat(ChatRequest.of("hello"));

        DistributionSummary input = registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input")
                .summary();
        assertThat(input.takeSnapshot().histogramCounts()).extracting(c -> c.bucket())
                .containsExactly(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0,
                        4194304.0, 16777216.0, 67108864.0);
        assertThat(registry.get("gen_ai.client.operation.duration").timer().takeSnapshot().histogramCounts())
                .hasSize(14);
    }

    @Test
    void aFailedAttemptRecordsItsDurationWithTheErrorTypeAndNoTokens(FakeFoundry fake) {
        fake.chat().enqueue(Reply.rateLimited(Duration.ofSeconds(3)));
        AgentClient client = fake.clientBuilder().meterRegistry(registry).retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> client.chat(ChatRequest.of("hello"))).isInstanceOf(RateLimitException.class);

        Timer failed = registry.get("gen_ai.client.operation.duration").tag("error.type", "429").timer();
        assertThat(failed.count()).isEqualTo(1);
        assertThat(tags(failed)).containsEntry("gen_ai.response.model", "none");
        assertThat(registry.find("gen_ai.client.token.usage").meters()).isEmpty();
    }

    @Test
    void eachRetriedAttemptIsMeteredAndOnlyTheAnswerCountsTokens(FakeFoundry fake) {
        fake.chat().enqueue(Reply.rateLimited(Duration.ofMillis(50)), Reply.text("ok").withUsage(10, 2));
        AgentClient client = fake.clientBuilder().meterRegistry(registry).build();

        client.chat(ChatRequest.builder().user("hello").userId("alice").build());

        assertThat(registry.get("gen_ai.client.operation.duration").tag("error.type", "429").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("gen_ai.client.operation.duration").tag("error.type", "none").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary()
                .totalAmount()).isEqualTo(10);
    }

    @Test
    void everyAttemptIsMeteredAndCacheHitsAreNot(FakeFoundry fake) {
        fake.chat().enqueueFor("gpt-4o", Reply.status(503));
        AgentClient client = fake.clientBuilder().meterRegistry(registry)
                .spillOver(SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build())
                .cache(CacheOptions.defaults()).build();
        ChatRequest request = ChatRequest.builder().user("x").deployment("gpt-4o").cacheable(true).build();

        client.chat(request);
        client.chat(request.toBuilder().deployment("gpt-4o-mini").build());

        assertThat(registry.get("gen_ai.client.operation.duration").tag("gen_ai.request.model", "gpt-4o")
                .tag("error.type", "503").timer().count()).isEqualTo(1);
        assertThat(registry.get("gen_ai.client.operation.duration").tag("gen_ai.request.model", "gpt-4o-mini")
                .tag("error.type", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().count())
                .isEqualTo(1);
    }

    @Test
    void responsesAndUsageReportsCarryTheCost(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("a").withUsage(1_000, 500), Reply.text("b").withUsage(2_000, 0));
        AgentClient client = fake.clientBuilder().meterRegistry(registry).build();

        ChatResponse first = client.chat(ChatRequest.builder().user("q1").userId("alice").deployment("gpt4").build());
        client.chat(ChatRequest.builder().user("q2").userId("alice").build());

        // gpt-4o: 1,000 × $2.50/M + 500 × $10/M; gpt-4o-mini: 2,000 × $0.15/M
        assertThat(first.cost().orElseThrow().total()).isEqualByComparingTo("0.0075");
        UsageTotals report = client.usage().orElseThrow().usageThisMonth("alice");
        assertThat(report.calls()).isEqualTo(2);
        assertThat(report.tokens()).isEqualTo(new TokenUsage(3_000, 500, 3_500));
        assertThat(report.cost().orElseThrow().total()).isEqualByComparingTo("0.0078");
        assertThat(report.cost().orElseThrow().currency()).isEqualTo("USD");
    }

    @Test
    void meteringIsOffUnlessConfigured(FakeFoundry fake, AgentClient client) {
        ChatResponse response = client.chat(ChatRequest.of("hello"));

        assertThat(client.usage()).isEmpty();
        assertThat(response.cost()).isEmpty();
    }
}
