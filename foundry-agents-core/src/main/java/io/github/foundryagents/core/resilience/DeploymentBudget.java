package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.chat.RateLimitHeaders;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * The pacing state of one deployment: its token and request budgets (configured, learned, or not yet known), the
 * charges this client made against them, the queue of calls waiting for budget, and how long Azure asked
 * everyone to hold off. Every method takes the time explicitly, so the logic is deterministic under test.
 *
 * <p>Until a budget is known it lets one call through at a time (one more per request window if the first is
 * slow to answer) and learns the budgets from that call's {@code x-ratelimit-remaining-*} headers. If the answer
 * has none, it stops gating and only honours 429 hints. Not thread-safe: {@link QuotaPacer} serialises access per
 * deployment.
 */
final class DeploymentBudget {

    /** How far the pacer is in knowing this deployment's budget. */
    enum Mode {
        /** No budget known yet: one call at a time (one more per request window) until an answer reveals it. */
        PROBING,
        /** At least one budget known: calls wait for room in it. */
        PACING,
        /** The server sends no budget headers: calls pass, only 429 hints hold them. */
        OPEN
    }

    private static final double RATIO_WEIGHT = 0.2;
    /** Each success takes this fraction off the observed delay variation that widens the expiry margins. */
    private static final double JITTER_DECAY = 0.01;
    /** No expiry margin exceeds this unless Azure's refusals show delays vary more: 0.4 % of Azure's minute. */
    private static final long MAX_BASE_MARGIN = 250_000_000L;
    /** The least expiry margin however short a scaled-down window: the scheduling noise of a busy machine. */
    private static final long MIN_BASE_MARGIN = 25_000_000L;

    private final SlidingWindow tokens;
    private final SlidingWindow requests;
    private final LimitSamples tokenSamples;
    private final LimitSamples requestSamples;
    private final long probeIntervalNanos;
    private final int reserveWithoutMaxTokens;
    private final PriorityQueue<Ticket> queue = new PriorityQueue<>(
            Comparator.comparingInt(Ticket::priority).thenComparingLong(Ticket::seq));
    private Mode mode;
    private long tokenLimit;
    private long requestLimit;
    private boolean blocked;
    private long blockedUntil;
    private boolean probeOutstanding;
    private long lastProbeAt;
    private long seq;
    private double promptRatio = 1.0;
    private final long maxJitter;
    private long jitter;

    DeploymentBudget(String deployment, PacingOptions options) {
        this.maxJitter = options.window().toNanos() / 10;
        long window = options.window().toNanos();
        long margin = baseMargin(window);
        this.tokens = new SlidingWindow(window, margin);
        this.requests = new SlidingWindow(options.requestWindow().toNanos(), margin);
        setJitter(startingMargin(window) - margin);
        this.tokenSamples = new LimitSamples(options.window().toNanos());
        this.requestSamples = new LimitSamples(options.requestWindow().toNanos());
        this.probeIntervalNanos = options.requestWindow().toNanos();
        this.reserveWithoutMaxTokens = options.reserveWithoutMaxTokens();
        this.tokenLimit = options.tokenBudget(deployment).orElse(-1L);
        this.requestLimit = options.requestBudget(deployment).orElse(-1L);
        this.mode = tokenLimit > 0 || requestLimit > 0 ? Mode.PACING : Mode.PROBING;
    }

    /**
     * The expiry margin of both budgets once calls flow without refusals. It covers how much the delay between
     * sending a call and Azure counting it varies, which does not depend on the budget: 250 ms against Azure's
     * minute; a window scaled down for tests gets {@code window / 120} (50 ms for a 6-second minute), at least
     * 25 ms.
     */
    static long baseMargin(long windowNanos) {
        return Math.max(MIN_BASE_MARGIN, Math.min(MAX_BASE_MARGIN, windowNanos / 120));
    }

    /**
     * The expiry margin before any answer has shown how delays behave: {@code min(250 ms, window / 40)}. The first
     * calls open new connections and reach Azure later than later calls will; the extra over {@link #baseMargin}
     * is treated as observed delay variation, so it narrows by {@value #JITTER_DECAY} of itself per success.
     */
    static long startingMargin(long windowNanos) {
        return Math.max(baseMargin(windowNanos), Math.min(MAX_BASE_MARGIN, windowNanos / 40));
    }

    /**
     * Queues a call.
     *
     * @param promptEstimate the heuristic prompt tokens ({@link TokenEstimate})
     * @param maxTokens the request's {@code max_tokens}, or {@code null}
     * @param priority lower goes first
     * @return its ticket, granted once {@link #admitReady} lets it through
     */
    Ticket enqueue(long promptEstimate, Integer maxTokens, int priority) {
        long prompt = Math.max(1, Math.round(promptEstimate * promptRatio));
        long completion = maxTokens != null ? maxTokens : reserveWithoutMaxTokens;
        Ticket t = new Ticket(seq++, priority, promptEstimate, maxTokens, prompt + completion);
        queue.add(t);
        return t;
    }

    /**
     * Grants queued calls in order (priority, then arrival) while the head fits; stops at the first that does not,
     * so a large call is never overtaken by smaller ones of the same priority.
     *
     * @return how many were granted
     */
    int admitReady(long now) {
        int admitted = 0;
        while (!queue.isEmpty() && nanosUntilHeadFits(now) == 0) {
            Ticket t = queue.poll();
            t.tokenCharge = tokens.add(now, t.estimate);
            t.requestCharge = requests.add(now, 1);
            t.granted = true;
            if (mode == Mode.PROBING) {
                probeOutstanding = true;
                lastProbeAt = now;
            }
            admitted++;
        }
        return admitted;
    }

    /** @return nanoseconds until the head of the queue may fit, 0 when it fits or nothing waits */
    long nanosUntilHeadFits(long now) {
        Ticket head = queue.peek();
        if (head == null) {
            return 0;
        }
        long wait = blocked && blockedUntil - now > 0 ? blockedUntil - now : 0;
        return switch (mode) {
            case OPEN -> wait;
            case PROBING -> Math.max(wait, probeOutstanding ? Math.max(0, lastProbeAt + probeIntervalNanos - now) : 0);
            case PACING -> Math.max(wait, Math.max(
                    tokenLimit > 0 ? tokens.nanosUntilFits(now, head.estimate, tokenLimit) : 0,
                    requestLimit > 0 ? requests.nanosUntilFits(now, 1, requestLimit) : 0));
        };
    }

    /**
     * @return whether Azure asked everyone to hold off past {@code nanoTime}
     */
    boolean blockedPast(long nanoTime) {
        return blocked && blockedUntil - nanoTime > 0;
    }

    /** Forgets a call that stopped waiting (deadline or interrupt). */
    void cancel(Ticket t) {
        queue.remove(t);
    }

    /** The granted call is leaving now: its charges count from this moment. */
    void sent(Ticket t, long now) {
        tokens.sent(t.tokenCharge, now);
        requests.sent(t.requestCharge, now);
    }

    /**
     * A call succeeded: corrects its token charge to what Azure counts (actual prompt tokens plus
     * {@code max_tokens}, or plus the actual completion when it had none) and learns the budgets from the
     * remaining-budget headers.
     */
    void succeeded(Ticket t, long promptTokens, long completionTokens, RateLimitHeaders headers, long now) {
        tokens.answered(t.tokenCharge, now);
        requests.answered(t.requestCharge, now);
        if (promptTokens > 0) {
            promptRatio += RATIO_WEIGHT * ((double) promptTokens / t.promptEstimate - promptRatio);
            long completion = t.maxTokens != null ? t.maxTokens : completionTokens;
            tokens.correct(t.tokenCharge, promptTokens + completion);
        }
        learn(headers.remainingTokens(), tokens, t.tokenCharge, tokenSamples, now, true);
        learn(headers.remainingRequests(), requests, t.requestCharge, requestSamples, now, false);
        if (mode == Mode.PROBING) {
            mode = tokenLimit > 0 || requestLimit > 0 ? Mode.PACING : Mode.OPEN;
        }
        if (jitter > 0) {
            setJitter(jitter - (long) Math.ceil(jitter * JITTER_DECAY));
        }
        probeOutstanding = false;
    }

    /**
     * Azure refused the call with 429: it was not charged, and everyone holds off for the hinted wait. If the
     * pacer had let it through believing it fit, Azure still counted an older call that the pacer had already
     * let go: calls reach Azure with uneven delays. The hint says by how much, so the expiry margins widen by it
     * (up to a tenth of the window) and narrow again slowly with each success; the limit estimates of the window
     * are dropped, as one of them may have been too high.
     */
    void rateLimited(Ticket t, long hintNanos, long now) {
        tokens.remove(t.tokenCharge);
        requests.remove(t.requestCharge);
        if (mode == Mode.PACING && hintNanos > 0) {
            setJitter(jitter + hintNanos);
            tokenSamples.clear();
            requestSamples.clear();
        }
        if (hintNanos >= 0 && (!blocked || now + hintNanos - blockedUntil > 0)) {
            blocked = true;
            blockedUntil = now + hintNanos;
        }
        probeOutstanding = false;
    }

    /** The call failed otherwise; Azure may have counted it, so its charges stay. */
    void failed(Ticket t, long now) {
        tokens.answered(t.tokenCharge, now);
        requests.answered(t.requestCharge, now);
        probeOutstanding = false;
    }

    private void setJitter(long nanos) {
        jitter = Math.min(nanos, maxJitter);
        tokens.jitter(jitter);
        requests.jitter(jitter);
    }

    Mode mode() {
        return mode;
    }

    OptionalLong tokenLimit() {
        return tokenLimit > 0 ? OptionalLong.of(tokenLimit) : OptionalLong.empty();
    }

    OptionalLong requestLimit() {
        return requestLimit > 0 ? OptionalLong.of(requestLimit) : OptionalLong.empty();
    }

    long tokensUsed(long now) {
        return tokens.used(now);
    }

    long requestsUsed(long now) {
        return requests.used(now);
    }

    int queued() {
        return queue.size();
    }

    private void learn(OptionalLong remaining, SlidingWindow window, SlidingWindow.Charge charge,
            LimitSamples samples, long now, boolean forTokens) {
        if (remaining.isEmpty()) {
            return;
        }
        long ours = window.usedSurelyBefore(charge, window.marginNanos(), now);
        if (ours < 0) {
            return;
        }
        long limit = samples.add(now, Math.max(1, remaining.getAsLong() + ours));
        if (forTokens) {
            tokenLimit = limit;
        } else {
            requestLimit = limit;
        }
    }

    /** One call's place in the queue and, once granted, its charges. */
    static final class Ticket {
        private final long seq;
        private final int priority;
        private final long promptEstimate;
        private final Integer maxTokens;
        private final long estimate;
        private SlidingWindow.Charge tokenCharge;
        private SlidingWindow.Charge requestCharge;
        private boolean granted;

        private Ticket(long seq, int priority, long promptEstimate, Integer maxTokens, long estimate) {
            this.seq = seq;
            this.priority = priority;
            this.promptEstimate = promptEstimate;
            this.maxTokens = maxTokens;
            this.estimate = estimate;
        }

        long seq() {
            return seq;
        }

        int priority() {
            return priority;
        }

        long estimate() {
            return estimate;
        }

        boolean granted() {
            return granted;
        }
    }
}
