package io.github.foundryagents.core.resilience;

import java.util.ArrayDeque;

/**
 * The charges one client made against one budget (tokens or requests), in the order they were made. A charge
 * counts while it is younger than the window plus a safety margin; older ones are kept for another window so
 * answers that arrive late can still be related to what was in flight when they were sent. Not thread-safe: the
 * owning {@link DeploymentBudget} guards it.
 */
final class SlidingWindow {

    /** One charge; its amount may be corrected once the real cost is known. */
    static final class Charge {
        private final long at;
        private long amount;

        private Charge(long at, long amount) {
            this.at = at;
            this.amount = amount;
        }

        long amount() {
            return amount;
        }
    }

    private final long windowNanos;
    private long marginNanos;
    private final ArrayDeque<Charge> charges = new ArrayDeque<>();

    SlidingWindow(long windowNanos, long marginNanos) {
        this.windowNanos = windowNanos;
        margin(marginNanos);
    }

    /** Sets how long past its window a charge still counts, at most a tenth of the window. */
    void margin(long nanos) {
        this.marginNanos = Math.min(nanos, windowNanos / 10);
    }

    /** Charges must be added in time order; the budget's lock and monotonic clock ensure it. */
    Charge add(long now, long amount) {
        Charge c = new Charge(now, amount);
        charges.addLast(c);
        return c;
    }

    void correct(Charge charge, long amount) {
        charge.amount = amount;
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
     * What a server that counted our charges as they arrived had surely counted when {@code charge} arrived: the
     * charge itself and those made at least {@code toleranceNanos} before it, still inside the window at its
     * time. Charges made closer together may reach the server in either order, so they are left out; the result
     * is a lower bound of the server's count.
     *
     * @return that total, or -1 when the charge is no longer kept
     */
    long usedSurelyBefore(Charge charge, long toleranceNanos) {
        long used = 0;
        for (Charge c : charges) {
            if (c == charge) {
                return used + c.amount;
            }
            if (c.at - (charge.at - windowNanos) > 0 && charge.at - c.at >= toleranceNanos) {
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
