package io.github.foundryagents.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.spring.support.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcUsageStore} on a real PostgreSQL. */
class JdbcUsageStoreTest {

    private final String schema = TestPostgres.newSchema("usage");
    private final DataSource dataSource = TestPostgres.dataSource(schema);
    private final JdbcUsageStore store;
    private final Instant march = Instant.parse("2026-03-10T12:00:00Z");

    JdbcUsageStoreTest() {
        FoundrySchema.prepare(dataSource, true);
        store = new JdbcUsageStore(dataSource);
    }

    @AfterEach
    void dropSchema() {
        TestPostgres.dropSchema(schema);
    }

    private static UsageRecord call(Instant at, String user, long prompt, long completion, Cost cost) {
        return new UsageRecord(at, user, "chat", "gpt-4o", "gpt-4o-2024-11-20",
                new TokenUsage(prompt, completion, prompt + completion), cost);
    }

    @Test
    void sumsOneUsersCallsAndCostsSinceAnInstant() {
        store.record(call(march, "alice", 100, 50, new Cost(new BigDecimal("0.00025"), new BigDecimal("0.0005"), "USD")));
        store.record(call(march.plusSeconds(60), "alice", 10, 5, null));
        store.record(call(march.minusSeconds(3600 * 24 * 30), "alice", 1000, 1000, null));
        store.record(call(march, "bob", 7, 7, null));
        store.record(call(march, null, 9, 9, null));

        UsageTotals totals = store.totalSince("alice", Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(totals.calls()).isEqualTo(2);
        assertThat(totals.tokens()).isEqualTo(new TokenUsage(110, 55, 165));
        Cost cost = totals.cost().orElseThrow();
        assertThat(cost.input()).isEqualByComparingTo("0.00025");
        assertThat(cost.output()).isEqualByComparingTo("0.0005");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(store.totalSince("carol", Instant.EPOCH)).isEqualTo(UsageTotals.NONE);
    }

    @Test
    void refusesToAddCostsInTwoCurrencies() {
        store.record(call(march, "alice", 1, 1, new Cost(BigDecimal.ONE, BigDecimal.ONE, "USD")));
        store.record(call(march, "alice", 1, 1, new Cost(BigDecimal.ONE, BigDecimal.ONE, "EUR")));

        assertThatThrownBy(() -> store.totalSince("alice", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one currency");
    }

    @Test
    void theMonthlyLimitReadsTheSharedStore() {
        UsageOptions options = UsageOptions.builder().store(store).monthlyTokenLimit(200)
                .clock(Clock.fixed(march.plusSeconds(120), ZoneOffset.UTC)).build();
        UsageMeter meter = new UsageMeter(new SimpleMeterRegistry(), options);
        store.record(call(march, "alice", 150, 49, null));
        meter.checkMonthlyLimit("alice");

        store.record(call(march, "alice", 1, 0, null));
        assertThatThrownBy(() -> meter.checkMonthlyLimit("alice")).isInstanceOf(UsageLimitExceededException.class)
                .hasMessageContaining("200");
        // another instance with its own store object sees the same rows
        UsageMeter other = new UsageMeter(new SimpleMeterRegistry(),
                options.toBuilder().store(new JdbcUsageStore(dataSource)).build());
        other.checkMonthlyLimit("bob");
        assertThatThrownBy(() -> other.checkMonthlyLimit("alice")).isInstanceOf(UsageLimitExceededException.class);
    }
}
