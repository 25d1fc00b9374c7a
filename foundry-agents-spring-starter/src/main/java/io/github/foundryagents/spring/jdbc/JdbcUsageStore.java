package io.github.foundryagents.spring.jdbc;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.core.usage.UsageTotals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link UsageStore} in PostgreSQL (table {@code foundry_usage}): one row per successful call or task, summed per
 * user with an index-only range scan on {@code (user_id, recorded_at)}, so every instance of an application
 * enforces one monthly quota. Records without a user id are not kept (nothing would ever read them). Rows are not
 * deleted: prune old months with a scheduled {@code DELETE} if the table grows too large. Thread-safe.
 */
public final class JdbcUsageStore implements UsageStore {

    private final JdbcClient jdbc;

    /**
     * @param dataSource a PostgreSQL data source whose schema holds {@code foundry_usage}
     */
    public JdbcUsageStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void record(UsageRecord record) {
        if (record.userId() == null) {
            return;
        }
        Cost cost = record.cost();
        jdbc.sql("""
                INSERT INTO foundry_usage (recorded_at, user_id, operation, deployment, model, prompt_tokens,
                    completion_tokens, total_tokens, cost_input, cost_output, currency)
                VALUES (:at, :user, :operation, :deployment, :model, :prompt, :completion, :total, :costIn, :costOut,
                    :currency)""")
                .param("at", OffsetDateTime.ofInstant(record.timestamp(), ZoneOffset.UTC))
                .param("user", record.userId()).param("operation", record.operation())
                .param("deployment", record.deployment()).param("model", record.model())
                .param("prompt", record.tokens().promptTokens())
                .param("completion", record.tokens().completionTokens())
                .param("total", record.tokens().totalTokens())
                .param("costIn", cost == null ? null : cost.input())
                .param("costOut", cost == null ? null : cost.output())
                .param("currency", cost == null ? null : cost.currency())
                .update();
    }

    /**
     * @throws IllegalArgumentException when the user's rows are priced in more than one currency
     */
    @Override
    public UsageTotals totalSince(String userId, Instant since) {
        List<UsageTotals> perCurrency = jdbc.sql("""
                SELECT currency, count(*) AS calls, sum(prompt_tokens) AS prompt, sum(completion_tokens) AS completion,
                    sum(total_tokens) AS total, sum(cost_input) AS cost_in, sum(cost_output) AS cost_out
                FROM foundry_usage WHERE user_id = :user AND recorded_at >= :since GROUP BY currency""")
                .param("user", Objects.requireNonNull(userId, "userId"))
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(JdbcUsageStore::totals).list();
        UsageTotals total = UsageTotals.NONE;
        for (UsageTotals t : perCurrency) {
            total = total.plus(t);
        }
        return total;
    }

    @Override
    public String toString() {
        return "JdbcUsageStore{foundry_usage}";
    }

    private static UsageTotals totals(ResultSet rs, int rowNum) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal in = rs.getBigDecimal("cost_in");
        BigDecimal out = rs.getBigDecimal("cost_out");
        Cost cost = currency == null ? null : new Cost(in, out, currency.trim());
        return new UsageTotals(rs.getLong("calls"), new TokenUsage(rs.getLong("prompt"), rs.getLong("completion"),
                rs.getLong("total")), cost);
    }
}
