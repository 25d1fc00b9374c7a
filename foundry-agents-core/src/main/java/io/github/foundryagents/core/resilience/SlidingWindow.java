package io.github.foundryagents.core.resilience;

/**
 * The charges one client made against one budget (tokens or requests), in the order they were made. A charge
 * counts while it is younger than the window plus a safety margin; older ones are kept for another window so
 * answers that arrive late can still be related to what was in flight when they were sent. Not thread-safe: the
 * owning {@link DeploymentBudget} guards it.
 *
 * <p>The pacer asks on every call how much is counting and what the server had counted before a call: questions
 * over every charge of up to two windows, tens of thousands of them for a busy deployment. The charges therefore
 * sit in the leaves of a segment tree, in the order made; each node knows the total of its charges and the range
 * of their times and answer times. A question takes whole nodes whose charges all qualify (or all do not) and
 * descends only where they differ, which for times that follow the order made, as they nearly do, is
 * O(log n); a change to a charge updates its path to the root. Times are kept relative to the first charge, so
 * comparisons match the wrap-safe differences of {@link System#nanoTime()}.
 */
final class SlidingWindow {

    /** One charge; its amount may be corrected once the real cost is known. */
    static final class Charge {
        private long at;
        private long amount;
        private boolean answered;
        private long answeredAt;
        /** Its leaf while kept; -1 once pruned or removed. */
        private int slot;

        private Charge(long at, long amount, int slot) {
            this.at = at;
            this.amount = amount;
            this.slot = slot;
        }

        long amount() {
            return amount;
        }
    }

    private static final int MIN_CAPACITY = 16;
    private static final long NONE_ABOVE = Long.MAX_VALUE;
    private static final long NONE_BELOW = Long.MIN_VALUE;

    private final long windowNanos;
    private final long baseMarginNanos;
    private long marginNanos;
    /** Times are stored minus this: the time of the first charge. */
    private long origin;
    private boolean started;

    /** Leaves {@code [head, tail)} hold the kept charges in the order made; null where one was removed. */
    private Charge[] leaves;
    private int head;
    private int tail;
    /** Per node (root 1, children 2i and 2i+1, leaf {@code slot} at {@code capacity + slot}). */
    private long[] sum;
    private long[] minAt;
    private long[] maxAt;
    /** Answer times; an unanswered charge counts as {@link #NONE_ABOVE} in both. */
    private long[] minAnswered;
    private long[] maxAnswered;

    /**
     * @param windowNanos the window's length
     * @param baseMarginNanos how long past the window a charge counts while delays vary as expected; at most a
     *     tenth of the window is used
     */
    SlidingWindow(long windowNanos, long baseMarginNanos) {
        this.windowNanos = windowNanos;
        this.baseMarginNanos = Math.min(baseMarginNanos, windowNanos / 10);
        this.marginNanos = this.baseMarginNanos;
        allocate(MIN_CAPACITY);
    }

    /**
     * Widens the margin for observed delay variation: the base plus {@code jitterNanos}, at most a tenth of the
     * window.
     */
    void jitter(long jitterNanos) {
        this.marginNanos = Math.min(baseMarginNanos + jitterNanos, windowNanos / 10);
    }

    /** @return how long past its window a charge still counts */
    long marginNanos() {
        return marginNanos;
    }

    /**
     * Charges are added in time order (the budget's lock and the monotonic clock ensure it); {@link #sent} may move
     * one a little later, so code reading the order treats it as approximate.
     */
    Charge add(long now, long amount) {
        if (!started) {
            origin = now;
            started = true;
        }
        if (tail == leaves.length) {
            compact();
        }
        Charge c = new Charge(now, amount, tail++);
        leaves[c.slot] = c;
        update(c.slot);
        return c;
    }

    void correct(Charge charge, long amount) {
        charge.amount = amount;
        update(charge.slot);
    }

    /**
     * Moves a charge to the moment its call actually leaves, which under load can be well after it was granted,
     * so it expires no earlier than Azure's count of it. Leaves the order of charges nearly as it was.
     */
    void sent(Charge charge, long now) {
        if (now - charge.at > 0) {
            charge.at = now;
            update(charge.slot);
        }
    }

    /** Records that the call's answer (or failure) came back: it had surely reached the server by then. */
    void answered(Charge charge, long now) {
        charge.answered = true;
        charge.answeredAt = now;
        update(charge.slot);
    }

    void remove(Charge charge) {
        int slot = charge.slot;
        if (slot >= 0) {
            charge.slot = -1;
            leaves[slot] = null;
            update(slot);
        }
    }

    /** @return the total of the charges still counting at {@code now} */
    long used(long now) {
        prune(now);
        return countingIn(1, countsAfter(now));
    }

    /**
     * @return nanoseconds from {@code now} until {@code amount} more fits under {@code limit}; 0 when it fits now
     *     or nothing else is counting (a single charge larger than the limit still goes, alone)
     */
    long nanosUntilFits(long now, long amount, long limit) {
        long used = used(now);
        if (used + amount <= limit || used == 0) {
            return 0;
        }
        // Charges expire in the order made: find the first at which the ones up to it free enough (or all).
        long after = countsAfter(now);
        long needed = Math.min(used + amount - limit, used);
        int node = 1;
        while (node < leaves.length) {
            long left = countingIn(2 * node, after);
            if (left >= needed) {
                node = 2 * node;
            } else {
                needed -= left;
                node = 2 * node + 1;
            }
        }
        Charge c = leaves[node - leaves.length];
        return Math.max(1, c.at + windowNanos + marginNanos - now);
    }

    /**
     * What a server that counts charges as they arrive had surely counted when {@code charge} arrived: the charge
     * itself, and every earlier charge that surely arrived before it (its answer came back before {@code charge}
     * was made, or it was made at least {@code toleranceNanos} earlier) and is surely still inside the window (made
     * within the window before {@code now}, when {@code charge}'s answer came back). The result is a lower bound
     * of the server's count, exact when calls are spaced apart.
     *
     * @return that total, or -1 when the charge is no longer kept
     */
    long usedSurelyBefore(Charge charge, long toleranceNanos, long now) {
        if (charge.slot < 0) {
            return -1;
        }
        long madeAt = rel(charge.at);
        Query q = new Query(rel(now) - windowNanos, madeAt - toleranceNanos, madeAt);
        long used = charge.amount;
        // The leaves left of the charge's, as the O(log n) nodes that exactly cover them.
        for (int lo = leaves.length, hi = leaves.length + charge.slot; lo < hi; lo >>= 1, hi >>= 1) {
            if ((lo & 1) == 1) {
                used += q.surelyIn(lo++);
            }
            if ((hi & 1) == 1) {
                used += q.surelyIn(--hi);
            }
        }
        return used;
    }

    /** The conditions of {@link #usedSurelyBefore} for one charge, as relative times. */
    private final class Query {
        private final long windowStart;
        private final long madeBy;
        private final long answeredBy;

        private Query(long windowStart, long madeBy, long answeredBy) {
            this.windowStart = windowStart;
            this.madeBy = madeBy;
            this.answeredBy = answeredBy;
        }

        /** @return the total of the node's charges inside the window that were made by, or answered by, then */
        long surelyIn(int node) {
            if (maxAt[node] <= windowStart) {
                return 0;
            }
            boolean allInside = minAt[node] > windowStart;
            if (allInside && (maxAt[node] <= madeBy || maxAnswered[node] <= answeredBy)) {
                return sum[node];
            }
            if (minAt[node] > madeBy && minAnswered[node] > answeredBy) {
                return 0;
            }
            return surelyIn(2 * node) + surelyIn(2 * node + 1); // a leaf is always decided above
        }
    }

    /** @return the relative time after which a charge made then still counts at {@code now} */
    private long countsAfter(long now) {
        return rel(now) - windowNanos - marginNanos;
    }

    /** @return the total of the node's charges made after {@code after} (relative) */
    private long countingIn(int node, long after) {
        if (minAt[node] > after) {
            return sum[node];
        }
        if (maxAt[node] <= after) {
            return 0;
        }
        return countingIn(2 * node, after) + countingIn(2 * node + 1, after); // a leaf is always decided above
    }

    private long rel(long nanoTime) {
        return nanoTime - origin;
    }

    private void prune(long now) {
        long keptAfter = rel(now) - 2 * windowNanos - marginNanos;
        while (head < tail) {
            Charge first = leaves[head];
            if (first != null) {
                if (rel(first.at) > keptAfter) {
                    return;
                }
                first.slot = -1;
                leaves[head] = null;
                update(head);
            }
            head++;
        }
    }

    /** Recomputes a leaf from its charge (or as empty) and the nodes above it. */
    private void update(int slot) {
        if (slot < 0) {
            return;
        }
        int node = leaves.length + slot;
        setLeaf(node, leaves[slot]);
        for (node >>= 1; node >= 1; node >>= 1) {
            combine(node);
        }
    }

    private void setLeaf(int node, Charge c) {
        if (c == null) {
            sum[node] = 0;
            minAt[node] = NONE_ABOVE;
            maxAt[node] = NONE_BELOW;
            minAnswered[node] = NONE_ABOVE;
            maxAnswered[node] = NONE_BELOW;
        } else {
            sum[node] = c.amount;
            minAt[node] = rel(c.at);
            maxAt[node] = minAt[node];
            minAnswered[node] = c.answered ? rel(c.answeredAt) : NONE_ABOVE;
            maxAnswered[node] = minAnswered[node];
        }
    }

    private void combine(int node) {
        int l = 2 * node;
        int r = l + 1;
        sum[node] = sum[l] + sum[r];
        minAt[node] = Math.min(minAt[l], minAt[r]);
        maxAt[node] = Math.max(maxAt[l], maxAt[r]);
        minAnswered[node] = Math.min(minAnswered[l], minAnswered[r]);
        maxAnswered[node] = Math.max(maxAnswered[l], maxAnswered[r]);
    }

    /**
     * Makes room at the end: moves the kept charges to the front of a tree twice their number (so at least as many
     * charges can be added again before the next move: amortised O(1) per charge).
     */
    private void compact() {
        Charge[] kept = new Charge[tail - head];
        int n = 0;
        for (int i = head; i < tail; i++) {
            if (leaves[i] != null) {
                kept[n++] = leaves[i];
            }
        }
        allocate(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1));
        for (int i = 0; i < n; i++) {
            kept[i].slot = i;
            leaves[i] = kept[i];
        }
        head = 0;
        tail = n;
        for (int i = 0; i < leaves.length; i++) {
            setLeaf(leaves.length + i, leaves[i]);
        }
        for (int node = leaves.length - 1; node >= 1; node--) {
            combine(node);
        }
    }

    private void allocate(int capacity) {
        leaves = new Charge[capacity];
        sum = new long[2 * capacity];
        minAt = new long[2 * capacity];
        maxAt = new long[2 * capacity];
        minAnswered = new long[2 * capacity];
        maxAnswered = new long[2 * capacity];
        head = 0;
        tail = 0;
        for (int i = 1; i < 2 * capacity; i++) {
            minAt[i] = NONE_ABOVE;
            maxAt[i] = NONE_BELOW;
            minAnswered[i] = NONE_ABOVE;
            maxAnswered[i] = NONE_BELOW;
        }
    }
}
