package io.github.foundryagents.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A deployment's rate limits as Azure OpenAI enforces them, for the fake: tokens per minute (TPM) and requests per
 * minute (RPM, by default 6 per 1,000 TPM). Immutable.
 *
 * <pre>{@code
 * fake.quota("gpt-4o", Quota.tpm(30_000));                                   // 30K TPM, 180 RPM, real minutes
 * fake.quota("gpt-4o", Quota.tpm(60_000).window(Duration.ofSeconds(6)));     // the same rates, a 6-second "minute"
 * }</pre>
 *
 * <p>Like Azure, the fake charges each request on arrival with its estimated tokens, prompt tokens plus
 * {@code max_tokens} (or {@code max_completion_tokens}), against a sliding token window of one minute; without
 * either it reserves {@link #reserveWithoutMaxTokens()} until the answer is known, then keeps only what was used.
 * Requests are counted over windows a sixth as long holding a sixth of the RPM (Azure's ten-second evaluation).
 * {@link #window(Duration)} shortens the minute for fast tests; budgets shrink in proportion, so the rates stay.
 */
public final class Quota {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int REQUEST_WINDOWS_PER_MINUTE = 6;

    private final long tokensPerMinute;
    private final long requestsPerMinute;
    private final Duration window;
    private final int reserveWithoutMaxTokens;

    private Quota(long tokensPerMinute, long requestsPerMinute, Duration window, int reserveWithoutMaxTokens) {
        this.tokensPerMinute = tokensPerMinute;
        this.requestsPerMinute = requestsPerMinute;
        this.window = window;
        this.reserveWithoutMaxTokens = reserveWithoutMaxTokens;
    }

    /**
     * @param tokensPerMinute the deployment's TPM, e.g. {@code capacity × 1,000}
     * @return a quota with 6 RPM per 1,000 TPM over real minutes
     */
    public static Quota tpm(long tokensPerMinute) {
        if (tokensPerMinute <= 0) {
            throw new IllegalArgumentException("tokensPerMinute must be positive, got " + tokensPerMinute);
        }
        return new Quota(tokensPerMinute, Math.max(1, tokensPerMinute * 6 / 1000), MINUTE, 4096);
    }

    /**
     * @param requestsPerMinute the deployment's RPM
     * @return a copy with that RPM
     */
    public Quota rpm(long requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requestsPerMinute must be positive, got " + requestsPerMinute);
        }
        return new Quota(tokensPerMinute, requestsPerMinute, window, reserveWithoutMaxTokens);
    }

    /**
     * @param minute how long the fake's "minute" lasts; budgets scale with it
     * @return a copy with that window
     */
    public Quota window(Duration minute) {
        Objects.requireNonNull(minute, "minute");
        if (minute.compareTo(Duration.ofMillis(60)) < 0) {
            throw new IllegalArgumentException("the window must be at least 60 ms, got " + minute);
        }
        return new Quota(tokensPerMinute, requestsPerMinute, minute, reserveWithoutMaxTokens);
    }

    /**
     * @param tokens what a request without {@code max_tokens} reserves until answered (Azure: up to the model's
     *     context size); default 4096
     * @return a copy with that reservation
     */
    public Quota reserveWithoutMaxTokens(int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("the reservation cannot be negative, got " + tokens);
        }
        return new Quota(tokensPerMinute, requestsPerMinute, window, tokens);
    }

    /** @return the tokens per minute */
    public long tokensPerMinute() {
        return tokensPerMinute;
    }

    /** @return the requests per minute */
    public long requestsPerMinute() {
        return requestsPerMinute;
    }

    /** @return the token window (the fake's minute) */
    public Duration window() {
        return window;
    }

    /** @return the request window: a sixth of {@link #window()} */
    public Duration requestWindow() {
        return window.dividedBy(REQUEST_WINDOWS_PER_MINUTE);
    }

    /** @return tokens admitted per {@link #window()} */
    public long tokenBudget() {
        return perWindow(tokensPerMinute, window);
    }

    /** @return requests admitted per {@link #requestWindow()} */
    public long requestBudget() {
        return perWindow(requestsPerMinute, requestWindow());
    }

    /** Scales a per-minute budget to a window; exact while the product fits a long, else in floating point. */
    private static long perWindow(long perMinute, Duration window) {
        long nanos = window.toNanos();
        long product = perMinute * nanos;
        if (Math.multiplyHigh(perMinute, nanos) == 0 && product >= 0) {
            return Math.max(1, product / MINUTE.toNanos());
        }
        return Math.max(1, (long) Math.min(Long.MAX_VALUE, (double) perMinute * nanos / MINUTE.toNanos()));
    }

    /** @return tokens a request without {@code max_tokens} reserves until answered */
    public int reserveWithoutMaxTokens() {
        return reserveWithoutMaxTokens;
    }

    @Override
    public String toString() {
        return "Quota{" + tokensPerMinute + " TPM, " + requestsPerMinute + " RPM, minute=" + window + '}';
    }
}
