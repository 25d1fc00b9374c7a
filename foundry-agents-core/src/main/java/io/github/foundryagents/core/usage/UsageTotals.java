package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage summed over a period: a usage report's numbers. Immutable.
 */
public final class UsageTotals {

    /** Nothing used. */
    public static final UsageTotals NONE = new UsageTotals(0, TokenUsage.ZERO, null);

    private final long calls;
    private final TokenUsage tokens;
    private final Cost cost;

    /**
     * @param calls successful calls counted
     * @param tokens their tokens
     * @param cost their priced cost, or {@code null} when none was priced
     */
    public UsageTotals(long calls, TokenUsage tokens, Cost cost) {
        this.calls = calls;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.cost = cost;
    }

    /** @return successful calls counted */
    public long calls() {
        return calls;
    }

    /** @return prompt, completion and total tokens */
    public TokenUsage tokens() {
        return tokens;
    }

    /** @return the summed cost of the priced calls, empty when none was priced */
    public Optional<Cost> cost() {
        return Optional.ofNullable(cost);
    }

    /**
     * @param record one more call
     * @return these totals plus the call
     * @throws IllegalArgumentException when the call is priced in another currency
     */
    public UsageTotals plus(UsageRecord record) {
        return new UsageTotals(calls + 1, tokens.plus(record.tokens()), add(cost, record.cost()));
    }

    /**
     * @param other totals of another period or store
     * @return the sum
     * @throws IllegalArgumentException when the two are priced in different currencies
     */
    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(calls + other.calls, tokens.plus(other.tokens), add(cost, other.cost));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageTotals t && calls == t.calls && tokens.equals(t.tokens) && Objects.equals(cost, t.cost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(calls, tokens, cost);
    }

    @Override
    public String toString() {
        return "UsageTotals{calls=" + calls + ", tokens=" + tokens + ", cost=" + (cost == null ? "unpriced" : cost) + '}';
    }

    private static Cost add(Cost a, Cost b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (!a.currency().equals(b.currency())) {
            throw new IllegalArgumentException("cannot add costs in " + a.currency() + " and " + b.currency()
                    + ": price every model in one currency");
        }
        return new Cost(a.input().add(b.input()), a.output().add(b.output()), a.currency());
    }
}
