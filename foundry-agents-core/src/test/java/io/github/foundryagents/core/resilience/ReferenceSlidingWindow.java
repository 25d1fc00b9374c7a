package io.github.foundryagents.core.resilience;

import java.util.ArrayDeque;

/**
 * The first {@link SlidingWindow}: one deque of charges, scanned on every question. Kept as the oracle the
 * segment-tree version must agree with, answer for answer ({@code SlidingWindowTest}).
 */
final class ReferenceSlidingWindow {

    /** One charge; its amount may be corrected once the real cost is known. */
    static final class Charge {
        private long at;
        private long amount;
        private boolean answered;
        private long answeredAt;

        private Charge(long at, long amount) {
            this.at = at;
            this.amount = amount;
        }

        long amount() {
            return amount;
        }
    }

    private final long windowNanos;
    private final long baseMarginNanos;
    private long marginNanos;
    private final ArrayDeque<Charge> charges = new ArrayDeque<>();

    ReferenceSlidingWindow(long windowNanos, long baseMarginNanos) {
        this.windowNanos = windowNanos;
        this.baseMarginNanos = Math.min(baseMarginNanos, windowNanos / 10);
        this.marginNanos = this.baseMarginNanos;
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
        Charge c = new Charge(now, amount);
        charges.addLast(c);
        return c;
    }

    void correct(Charge charge, long amount) {
        charge.amount = amount;
    }

    /**
     * Moves a charge to the moment its call actually leaves, which under load can be well after it was granted,
     * so it expires no earlier than Azure's count of it. Leaves the order of charges nearly as it was.
     */
    void sent(Charge charge, long now) {
        if (now - charge.at > 0) {
            charge.at = now;
        }
    }

    /** Records that the call's answer (or failure) came back: it had surely reached the server by then. */
    void answered(Charge charge, long now) {
        charge.answered = true;
        charge.answeredAt = now;
    }

    void remove(Charge charge) {
        charges.removeFirstOccurrence(charge);
    }

    /** @return the total of the charges still counting at {@code now} */
    long used(long now) {
        prune(now);
        long used = 0;
        for (Charge c : charges) {
            if (counts(c, now)) {
                used += c.amount;
            }
        }
        return used;
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
        for (Charge c : charges) {
            if (!counts(c, now)) {
                continue;
            }
            used -= c.amount;
            if (used + amount <= limit || used == 0) {
                return Math.max(1, c.at + windowNanos + marginNanos - now);
            }
        }
        return 1; // unreachable: used reaches 0 at the latest with the last charge
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
        long used = 0;
        for (Charge c : charges) {
            if (c == charge) {
                return used + c.amount;
            }
            boolean before = c.answered && c.answeredAt - charge.at <= 0 || charge.at - c.at >= toleranceNanos;
            if (before && c.at - (now - windowNanos) > 0) {
                used += c.amount;
            }
        }
        return -1;
    }

    private boolean counts(Charge c, long now) {
        return c.at + windowNanos + marginNanos - now > 0;
    }

    private void prune(long now) {
        while (!charges.isEmpty() && charges.peekFirst().at + 2 * windowNanos + marginNanos - now <= 0) {
            charges.removeFirst();
        }
    }
}
