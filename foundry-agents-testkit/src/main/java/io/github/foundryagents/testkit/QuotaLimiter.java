package io.github.foundryagents.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * One deployment's rate limiter in the fake: sliding token and request windows as {@link Quota} describes,
 * charging on arrival and refusing what does not fit with the wait until it would. Thread-safe.
 */
final class QuotaLimiter {

    /** A token charge, which a request without {@code max_tokens} settles once its answer is known. */
    static final class Charge {
        private final long at;
        private long tokens;

        private Charge(long at, long tokens) {
            this.at = at;
            this.tokens = tokens;
        }
    }

    /**
     * The limiter's decision on one request.
     *
     * @param charge the token charge, {@code null} when refused
     * @param remainingTokens tokens left in the window, after this request
     * @param remainingRequests requests left in the request window, after this request
     * @param retryAfter when refused, the wait until it would fit
     * @param tokenLimited when refused, whether tokens (not requests) ran out
     */
    record Admission(Charge charge, long remainingTokens, long remainingRequests, Duration retryAfter,
            boolean tokenLimited) {

        boolean admitted() {
            return charge != null;
        }

        Map<String, String> headers() {
            return Map.of("x-ratelimit-remaining-tokens", Long.toString(remainingTokens),
                    "x-ratelimit-remaining-requests", Long.toString(remainingRequests));
        }
    }

    private final Quota quota;
    private final long windowNanos;
    private final long requestWindowNanos;
    private final ArrayDeque<Charge> tokens = new ArrayDeque<>();
    private final ArrayDeque<Long> requests = new ArrayDeque<>();
    private long refusals;

    QuotaLimiter(Quota quota) {
        this.quota = quota;
        this.windowNanos = quota.window().toNanos();
        this.requestWindowNanos = quota.requestWindow().toNanos();
    }

    Quota quota() {
        return quota;
    }

    synchronized Admission admit(long estimate, long now) {
        expire(now);
        long used = tokensUsed();
        long budget = quota.tokenBudget();
        if (used + estimate > budget) {
            return refusal(used, untilTokensFit(used, estimate, now), true);
        }
        if (requests.size() + 1 > quota.requestBudget()) {
            return refusal(used, requests.peekFirst() + requestWindowNanos - now, false);
        }
        Charge charge = new Charge(now, estimate);
        tokens.addLast(charge);
        requests.addLast(now);
        return new Admission(charge, budget - used - estimate, quota.requestBudget() - requests.size(), null, false);
    }

    synchronized void settle(Charge charge, long tokensUsed) {
        charge.tokens = tokensUsed;
    }

    synchronized long refusals() {
        return refusals;
    }

    private Admission refusal(long used, long waitNanos, boolean tokenLimited) {
        refusals++;
        return new Admission(null, Math.max(0, quota.tokenBudget() - used),
                Math.max(0, quota.requestBudget() - requests.size()), Duration.ofNanos(Math.max(1, waitNanos)),
                tokenLimited);
    }

    /** The wait until enough old charges leave the window; a request larger than the budget waits for all. */
    private long untilTokensFit(long used, long estimate, long now) {
        long remaining = used;
        for (Charge c : tokens) {
            remaining -= c.tokens;
            if (remaining + estimate <= quota.tokenBudget() || remaining == 0) {
                return c.at + windowNanos - now;
            }
        }
        return windowNanos;
    }

    private long tokensUsed() {
        long used = 0;
        for (Charge c : tokens) {
            used += c.tokens;
        }
        return used;
    }

    private void expire(long now) {
        while (!tokens.isEmpty() && tokens.peekFirst().at + windowNanos - now <= 0) {
            tokens.removeFirst();
        }
        while (!requests.isEmpty() && requests.peekFirst() + requestWindowNanos - now <= 0) {
            requests.removeFirst();
        }
    }
}
