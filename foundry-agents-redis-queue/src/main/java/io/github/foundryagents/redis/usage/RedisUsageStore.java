package io.github.foundryagents.redis.usage;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.redis.LuaScript;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link UsageStore} in Redis, so every instance of an application enforces one monthly quota and reports the
 * same usage. Each call adds to its user's counters (calls, prompt, completion and total tokens, input and output
 * cost) in four UTC buckets, its quarter hour, hour, day and month, in one atomic script: concurrent calls from
 * any number of processes are all counted. {@link #totalSince} reads the few counters that cover the period in
 * one atomic script; for a month in UTC that is the month counter alone, for a month in another time zone the
 * UTC months plus or minus the quarter hours, hours and days at its edge.
 *
 * <p>Resolution: a period starts at the quarter hour holding its first instant (every time zone's months start
 * on one, so monthly totals are exact in any zone). Quarter-hour and hour counters are kept 35 days, day
 * counters 93 days, month counters 400 days; a period starting further back is rounded down to the day or the
 * month. Costs are summed exactly to 12 decimal places (up to 9 million currency units per user and month), in
 * one currency per user: a call priced in another is refused. Calls without a user id are not kept.
 *
 * <p>Keys: {@code {prefix}:usage:{userId}:q|h|d|m:<UTC bucket>} hashes; the user id is the hash tag, so on Redis
 * Cluster one user's counters share a slot. Thread-safe.
 */
public final class RedisUsageStore implements UsageStore, AutoCloseable {

    private static final int COST_SCALE = 12;
    private static final String[] FIELDS = {"calls", "prompt", "completion", "total", "cost_in", "cost_out",
        "currency"};
    // KEYS: the call's quarter, hour, day and month counters. ARGV: their lifetimes (s), then calls, prompt,
    // completion, total, cost in and out (units of 1e-12), currency ("" = unpriced). Checks every currency first,
    // so a refused call changes nothing.
    private static final LuaScript RECORD = new LuaScript("""
            if ARGV[11] ~= '' then
              for _, key in ipairs(KEYS) do
                local currency = redis.call('HGET', key, 'currency')
                if currency and currency ~= ARGV[11] then
                  return redis.error_reply('CURRENCY usage of this user is priced in ' .. currency)
                end
              end
            end
            for i, key in ipairs(KEYS) do
              redis.call('HINCRBY', key, 'calls', ARGV[5])
              redis.call('HINCRBY', key, 'prompt', ARGV[6])
              redis.call('HINCRBY', key, 'completion', ARGV[7])
              redis.call('HINCRBY', key, 'total', ARGV[8])
              if ARGV[11] ~= '' then
                redis.call('HINCRBY', key, 'cost_in', ARGV[9])
                redis.call('HINCRBY', key, 'cost_out', ARGV[10])
                redis.call('HSET', key, 'currency', ARGV[11])
              end
              redis.call('EXPIRE', key, ARGV[i])
            end
            return 1""", ScriptOutputType.INTEGER);
    // KEYS: counters; ARGV: the fields to read. One consistent snapshot of every counter of the period.
    private static final LuaScript READ = new LuaScript("""
            local out = {}
            for i, key in ipairs(KEYS) do
              out[i] = redis.call('HMGET', key, unpack(ARGV))
            end
            return out""", ScriptOutputType.MULTI);

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final Clock clock;

    /**
     * @param client a Lettuce client (not shut down by the store)
     * @param prefix key prefix, e.g. {@code foundry}
     */
    public RedisUsageStore(RedisClient client, String prefix) {
        this(client, prefix, Clock.systemUTC());
    }

    RedisUsageStore(RedisClient client, String prefix, Clock clock) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connection = client.connect();
        this.redis = connection.sync();
    }

    /**
     * @param client a Lettuce client
     * @return a store with prefix {@code foundry}
     */
    public static RedisUsageStore create(RedisClient client) {
        return new RedisUsageStore(client, "foundry");
    }

    /**
     * @throws IllegalArgumentException when the call is priced in another currency than the user's earlier calls
     */
    @Override
    public void record(UsageRecord record) {
        if (record.userId() == null) {
            return;
        }
        UsageBuckets buckets = UsageBuckets.of(prefix, record.userId());
        List<String> args = new ArrayList<>(UsageBuckets.lifetimes());
        TokenUsage tokens = record.tokens();
        args.addAll(List.of("1", Long.toString(tokens.promptTokens()), Long.toString(tokens.completionTokens()),
                Long.toString(tokens.totalTokens())));
        Cost cost = record.cost();
        args.addAll(cost == null ? List.of("0", "0", "")
                : List.of(units(cost.input()), units(cost.output()), cost.currency()));
        try {
            RECORD.run(redis, buckets.countersAt(record.timestamp()).toArray(String[]::new),
                    args.toArray(String[]::new));
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("CURRENCY")) {
                throw new IllegalArgumentException("cannot add a cost in " + cost.currency() + " for user "
                        + record.userId() + ": " + e.getMessage().substring("CURRENCY ".length())
                        + "; price every model in one currency", e);
            }
            throw e;
        }
    }

    @Override
    public UsageTotals totalSince(String userId, Instant since) {
        List<UsageBuckets.Term> terms = UsageBuckets.of(prefix, Objects.requireNonNull(userId, "userId"))
                .since(since, clock.instant());
        if (terms.isEmpty()) {
            return UsageTotals.NONE;
        }
        List<Object> counters = READ.run(redis, terms.stream().map(UsageBuckets.Term::key).toArray(String[]::new),
                FIELDS);
        long[] sums = new long[6];
        String currency = null;
        for (int i = 0; i < terms.size(); i++) {
            List<?> values = (List<?>) counters.get(i);
            long sign = terms.get(i).subtract() ? -1 : 1;
            for (int f = 0; f < sums.length; f++) {
                Object v = values.get(f);
                sums[f] += v == null ? 0 : sign * Long.parseLong(v.toString());
            }
            currency = currency != null || values.get(6) == null ? currency : values.get(6).toString();
        }
        for (int f = 0; f < sums.length; f++) {
            sums[f] = Math.max(0, sums[f]); // a head subtracted from its month can never exceed it; stay safe
        }
        Cost cost = currency == null ? null : new Cost(amount(sums[4]), amount(sums[5]), currency);
        return new UsageTotals(sums[0], new TokenUsage(sums[1], sums[2], sums[3]), cost);
    }

    private static String units(BigDecimal amount) {
        return amount.setScale(COST_SCALE, RoundingMode.HALF_EVEN).unscaledValue().toString();
    }

    private static BigDecimal amount(long units) {
        return BigDecimal.valueOf(units, COST_SCALE).stripTrailingZeros();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisUsageStore{prefix=" + prefix + '}';
    }
}
