package io.github.foundryagents.redis.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.MonthlyPeriod;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisUsageStoreTest {

    private final String prefix = TestRedis.uniqueQueue("usage");
    private final Instant now = Instant.now();
    private final RedisUsageStore store = new RedisUsageStore(TestRedis.client(), prefix,
            Clock.fixed(now, ZoneOffset.UTC));
    private final RedisCommands<String, String> redis = TestRedis.client().connect().sync();

    @AfterEach
    void cleanUp() {
        store.close();
        List<String> keys = keys();
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        redis.getStatefulConnection().close();
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis, ScanArgs.Builder.matches(prefix + ":*").limit(1000)).forEachRemaining(keys::add);
        return keys;
    }

    private static UsageRecord call(Instant at, String user, long prompt, long completion, Cost cost) {
        return new UsageRecord(at, user, "chat", "gpt-4o", "gpt-4o-2024-11-20",
                new TokenUsage(prompt, completion, prompt + completion), cost);
    }

    private static Cost usd(String input, String output) {
        return new Cost(new BigDecimal(input), new BigDecimal(output), "USD");
    }

    @Test
    void concurrentCallsFromManyThreadsAreAllCountedInTheMonthlyCounter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        store.record(call(now, "alice", 10, 5, usd("0.000025", "0.00005")));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        UsageTotals month = store.totalSince("alice", new MonthlyPeriod(ZoneOffset.UTC).start(now));
        assertThat(month.calls()).isEqualTo(800);
        assertThat(month.tokens()).isEqualTo(new TokenUsage(8_000, 4_000, 12_000));
        assertThat(month.cost().orElseThrow().input()).isEqualByComparingTo("0.02");
        assertThat(month.cost().orElseThrow().output()).isEqualByComparingTo("0.04");
        String monthKey = prefix + ":usage:{alice}:m:" + now.toString().substring(0, 7);
        assertThat(redis.hget(monthKey, "total")).isEqualTo("12000");
        assertThat(redis.ttl(monthKey)).isGreaterThan(Duration.ofDays(399).toSeconds());
        assertThat(keys()).hasSize(4).allSatisfy(k -> assertThat(k).contains(":usage:{alice}:"));
    }

    @Test
    void totalsSinceAnyQuarterHourAndAnyZonesMonthMatchTheInMemoryStore() {
        InMemoryUsageStore reference = new InMemoryUsageStore();
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            Instant at = now.minusSeconds(random.nextInt((int) Duration.ofDays(45).toSeconds()));
            String user = i % 3 == 0 ? "bob" : "carol";
            Cost cost = i % 4 == 0 ? null : usd("0.0000" + (100 + random.nextInt(900)), "0.000" + random.nextInt(1000));
            UsageRecord record = call(at, user, random.nextInt(2_000), random.nextInt(500), cost);
            store.record(record);
            reference.record(record);
        }
        List<Instant> starts = new ArrayList<>();
        for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham",
                "Pacific/Marquesas", "Australia/Adelaide")) {
            MonthlyPeriod months = new MonthlyPeriod(ZoneId.of(zone));
            starts.add(months.start(now));
        }
        for (int i = 0; i < 40; i++) {
            starts.add(now.minus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 33))).truncatedTo(ChronoUnit.HOURS)
                    .plus(Duration.ofMinutes(15L * random.nextInt(4))));
        }
        for (Instant since : starts) {
            for (String user : List.of("bob", "carol")) {
                UsageTotals ours = store.totalSince(user, since);
                UsageTotals expected = reference.totalSince(user, since);
                assertThat(ours.calls()).as(user + " since " + since).isEqualTo(expected.calls());
                assertThat(ours.tokens()).as(user + " since " + since).isEqualTo(expected.tokens());
                assertThat(ours.cost().map(Cost::total).orElse(BigDecimal.ZERO)).as(user + " since " + since)
                        .isEqualByComparingTo(expected.cost().map(Cost::total).orElse(BigDecimal.ZERO));
            }
        }
    }

    @Test
    void aCostInAnotherCurrencyIsRefusedAndChangesNothing() {
        store.record(call(now, "dave", 10, 5, usd("0.01", "0.02")));

        assertThatThrownBy(() -> store.record(call(now, "dave", 10, 5, new Cost(BigDecimal.ONE, BigDecimal.ONE,
                "EUR")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priced in USD");

        UsageTotals total = store.totalSince("dave", now.minus(Duration.ofHours(1)));
        assertThat(total.calls()).isEqualTo(1);
        assertThat(total.cost().orElseThrow().currency()).isEqualTo("USD");
    }

    @Test
    void callsWithoutAUserAreNotKeptAndUnknownUsersHaveNoUsage() {
        store.record(call(now, null, 10, 5, null));

        assertThat(keys()).isEmpty();
        assertThat(store.totalSince("nobody", now.minus(Duration.ofDays(3)))).isEqualTo(UsageTotals.NONE);
    }

    @Test
    void twoInstancesEnforceOneMonthlyQuota() {
        try (FakeFoundry fake = FakeFoundry.start();
                RedisUsageStore otherInstance = new RedisUsageStore(TestRedis.client(), prefix)) {
            fake.chat().enqueue(Reply.text("a").withUsage(12, 3), Reply.text("b").withUsage(12, 3));
            AgentClient first = fake.clientBuilder().usage(UsageOptions.builder().store(store)
                    .monthlyTokenLimit(20).build()).build();
            AgentClient second = fake.clientBuilder().usage(UsageOptions.builder().store(otherInstance)
                    .monthlyTokenLimit(20).build()).build();
            ChatRequest request = ChatRequest.builder().user("hi").userId("erin").build();

            first.chat(request);
            second.chat(request);

            assertThatThrownBy(() -> first.chat(request)).isInstanceOf(UsageLimitExceededException.class)
                    .hasMessageContaining("used 30 of the 20");
            assertThatThrownBy(() -> second.chat(request)).isInstanceOf(UsageLimitExceededException.class);
            assertThat(fake.journal().chatRequests()).hasSize(2);
        }
    }
}
