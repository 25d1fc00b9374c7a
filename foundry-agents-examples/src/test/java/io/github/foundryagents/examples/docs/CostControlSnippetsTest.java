package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.routing.Complexity;
import io.github.foundryagents.core.routing.KeywordComplexityClassifier;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.redis.cache.RedisResponseCache;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Code shown in docs/cost-control.md; compiled by the build, checked by DocSnippetsTest. The usage report runs
 * against the fake; the other snippets configure a client for real Azure and are compiled only.
 */
@WithFakeFoundry
class CostControlSnippetsTest {

    static AgentClient everything(MeterRegistry meterRegistry) {
        // snippet: cost-control#all
        AgentClient client = AgentClient.builder()
                .router(ModelRouter.defaults())                                  // cheap model unless the prompt needs more
                .spillOver(SpillOver.builder().fallbacks("gpt4", "gpt4-mini").build())
                .cache(CacheOptions.builder().cacheTemperatureZero(true).build())
                .usage(UsageOptions.builder().monthlyTokenLimit(2_000_000).quotaZone(ZoneId.of("Europe/Paris")).build())
                .meterRegistry(meterRegistry)                                    // e.g. Spring Boot's
                .build();
        // end-snippet
        return client;
    }

    static List<ModelRouter> routers() {
        // snippet: cost-control#router
        ModelRouter router = ModelRouter.builder()
                .classifier(KeywordComplexityClassifier.builder()
                        .keywords(List.of("sql", "regex", "debug")).wordLimits(150, 800).build())
                .route(Complexity.COMPLEX, "gpt-4.1")                  // an alias or a deployment name
                .build();
        ModelRouter byTask = ModelRouter.builder()
                .classifier(request -> request.tools().isEmpty() ? Complexity.SIMPLE : Complexity.COMPLEX)
                .build();
        // end-snippet
        return List.of(router, byTask);
    }

    static SpillOver spillOver() {
        // snippet: cost-control#spill-over
        SpillOver spillOver = SpillOver.builder()
                .fallbacks("gpt-4o-ptu", "gpt-4o", "gpt-4o-mini")   // provisioned, then standard, then the small model
                .fallbacks("gpt4", "gpt4-mini")                     // keys and entries may be aliases
                .maxWait(Duration.ofSeconds(5))                     // default 5 s
                .build();
        // end-snippet
        return spillOver;
    }

    static void caches(RedisClient redis) {
        // snippet: cost-control#cache
        AgentClient.builder().cache(CacheOptions.defaults());                  // in memory (Caffeine), opt-in requests
        AgentClient.builder().cache(CacheOptions.builder().ttl(Duration.ofMinutes(30)).maximumSize(5_000)
                .cacheTemperatureZero(true).scopePerUser(true).build());
        AgentClient.builder().cache(RedisResponseCache.create(redis), CacheOptions.defaults()); // any ResponseCache
        // end-snippet
    }

    static void quotas() {
        // snippet: cost-control#quotas
        AgentClient.builder().monthlyTokenLimit(1_000_000);                   // every user, months in UTC
        AgentClient.builder().usage(UsageOptions.builder()
                .monthlyTokenLimit(user -> isPremium(user) ? 10_000_000 : 1_000_000)  // or UsageOptions.UNLIMITED
                .quotaZone(ZoneId.of("America/New_York"))
                .build());
        // end-snippet
    }

    static void prices() {
        // snippet: cost-control#prices
        CostTable prices = CostTable.defaults().toBuilder()
                .price("gpt-4o", "2.75", "11.00")
                .price("my-finetune", "3.00", "12.00")
                .build();
        AgentClient.builder().usage(UsageOptions.builder().costs(prices).build());
        // end-snippet
    }

    private static boolean isPremium(String user) {
        return user.startsWith("premium-");
    }

    @Test
    void usageReport(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().usage(UsageOptions.defaults()).build();
        fake.chat().enqueue(Reply.text("Paris"));
        client.complete("Capital of France?", CompletionOptions.builder().userId("alice").deployment("gpt-4o").build());

        // snippet: cost-control#report
        UsageTotals month = client.usage().orElseThrow().usageThisMonth("alice");
        month.calls(); month.tokens().totalTokens(); month.cost();            // Optional<Cost>, e.g. "1.8375 USD"
        UsageTotals week = client.usage().orElseThrow().usageSince("alice", Instant.now().minus(Duration.ofDays(7)));
        // end-snippet

        assertThat(month.calls()).isEqualTo(1);
        assertThat(month.tokens().totalTokens()).isPositive();
        assertThat(month.cost()).isPresent();
        assertThat(week).isEqualTo(month);
    }
}
