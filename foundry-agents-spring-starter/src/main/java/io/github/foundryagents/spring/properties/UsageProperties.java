package io.github.foundryagents.spring.properties;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.usage.*}: usage metering, monthly token quotas and prices.
 *
 * @param store where per-user usage is kept: auto (jdbc with a DataSource, else redis with a Redis connection, else
 *     in-memory), in-memory, jdbc or redis
 * @param monthlyTokenLimit tokens each user may use per calendar month; unset means no limit. Checked before every
 *     call that names a user and before a task is accepted (429)
 * @param quotaZone time zone whose calendar months the quota follows
 * @param currency ISO 4217 currency of the prices
 * @param prices list prices per million tokens by model name, replacing the defaults for those models, e.g.
 *     gpt-4o.input=2.50, gpt-4o.output=10.00
 */
public record UsageProperties(
        @DefaultValue("auto") StoreType store,
        Long monthlyTokenLimit,
        @DefaultValue("UTC") ZoneId quotaZone,
        @DefaultValue("USD") String currency,
        Map<String, Price> prices) {

    /**
     * Copies the prices.
     *
     * @param store where per-user usage is kept: auto (jdbc with a DataSource, else redis with a Redis connection, else
     *         in-memory), in-memory, jdbc or redis
     * @param monthlyTokenLimit tokens each user may use per calendar month; unset means no limit. Checked before every
     *         call that names a user and before a task is accepted (429)
     * @param quotaZone time zone whose calendar months the quota follows
     * @param currency ISO 4217 currency of the prices
     * @param prices list prices per million tokens by model name, replacing the defaults for those models, e.g.
     *         gpt-4o.input=2.50, gpt-4o.output=10.00
     */
    public UsageProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * A model's list price.
     *
     * @param input price of one million prompt tokens
     * @param output price of one million completion tokens
     */
    public record Price(BigDecimal input, BigDecimal output) {
    }
}
