package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long WINDOW = 1_000_000;

    @Test
    void countsChargesInsideTheWindowPlusMargin() {
        SlidingWindow w = new SlidingWindow(WINDOW, WINDOW / 40); // margin 25,000
        w.add(0, 100);
        w.add(500_000, 50);

        assertThat(w.used(500_000)).isEqualTo(150);
        assertThat(w.used(1_024_999)).isEqualTo(150);
        assertThat(w.used(1_025_000)).isEqualTo(50);
        assertThat(w.nanosUntilFits(600_000, 900, 1_000)).isEqualTo(425_000); // when the first charge expires
        assertThat(w.nanosUntilFits(600_000, 850, 1_000)).isZero();
    }

    @Test
    void aChargeMovedBySendingExpiresLaterAndARemovedOneNoLongerCounts() {
        SlidingWindow w = new SlidingWindow(WINDOW, WINDOW / 40);
        SlidingWindow.Charge first = w.add(0, 100);
        SlidingWindow.Charge second = w.add(0, 10);
        w.sent(first, 300_000);
        w.remove(second);

        assertThat(w.used(1_100_000)).isEqualTo(100);
        assertThat(w.usedSurelyBefore(second, 0, 1_100_000)).isEqualTo(-1);
        assertThat(w.used(1_325_000)).isZero();
    }

    @Test
    void aChargeOlderThanTwoWindowsIsForgotten() {
        SlidingWindow w = new SlidingWindow(WINDOW, WINDOW / 40);
        SlidingWindow.Charge old = w.add(0, 100);
        w.answered(old, 10);
        SlidingWindow.Charge late = w.add(1_500_000, 7);

        assertThat(w.usedSurelyBefore(late, w.marginNanos(), 1_600_000)).isEqualTo(7); // old left the window
        assertThat(w.usedSurelyBefore(old, w.marginNanos(), 1_600_000)).isEqualTo(100);
        w.used(2_025_000);
        assertThat(w.usedSurelyBefore(old, w.marginNanos(), 2_025_000)).isEqualTo(-1);
    }

    /** Many charges, far more than the initial capacity, made and forgotten: the tree grows and shrinks. */
    @Test
    void keepsAnsweringRightWhileGrowingAndShrinking() {
        SlidingWindow w = new SlidingWindow(WINDOW, WINDOW / 40);
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            w.add(now, 1);
            now += 100;
        }
        // now = 2,000,000: the charges made after 975,000 (window plus margin) count, 975,100 to 1,999,900
        assertThat(w.used(now)).isEqualTo(10_249);
        for (int i = 0; i < 5_000; i++) {
            now += 3 * WINDOW;
            SlidingWindow.Charge c = w.add(now, 5);
            assertThat(w.used(now)).isEqualTo(5);
            assertThat(w.usedSurelyBefore(c, 0, now)).isEqualTo(5);
        }
    }

    /**
     * Random sequences of every operation, with times that mostly move forward (as the pacer's monotonic clock
     * under its lock makes them) and sometimes go back: every answer must equal the first, deque-scanning
     * implementation's.
     */
    @Test
    void answersExactlyLikeTheDequeScanningReference() {
        for (int seed = 0; seed < 300; seed++) {
            replay(new SplittableRandom(seed), seed % 3 == 0);
        }
    }

    private static void replay(SplittableRandom rnd, boolean unorderedTimes) {
        long window = 1 + rnd.nextLong(2 * WINDOW);
        long margin = rnd.nextLong(window / 5 + 1);
        SlidingWindow fast = new SlidingWindow(window, margin);
        ReferenceSlidingWindow ref = new ReferenceSlidingWindow(window, margin);
        List<SlidingWindow.Charge> fastCharges = new ArrayList<>();
        List<ReferenceSlidingWindow.Charge> refCharges = new ArrayList<>();
        long now = rnd.nextLong(-5 * WINDOW, 5 * WINDOW);
        long step = 1 + rnd.nextLong(window / 20 + 1);
        int ops = 200 + rnd.nextInt(3_000);
        for (int op = 0; op < ops; op++) {
            now += unorderedTimes ? rnd.nextLong(-step, 2 * step) : rnd.nextLong(2 * step);
            int pick = refCharges.isEmpty() ? 0 : rnd.nextInt(refCharges.size());
            // Mostly recent charges, as the pacer settles calls soon after making them.
            if (!refCharges.isEmpty() && rnd.nextBoolean()) {
                pick = Math.max(0, refCharges.size() - 1 - rnd.nextInt(Math.min(refCharges.size(), 20)));
            }
            int kind = refCharges.isEmpty() ? 0 : rnd.nextInt(10);
            String where = "op " + op + " kind " + kind;
            switch (kind) {
                case 0, 1 -> {
                    long amount = 1 + rnd.nextLong(500);
                    fastCharges.add(fast.add(now, amount));
                    refCharges.add(ref.add(now, amount));
                }
                case 2 -> {
                    long amount = 1 + rnd.nextLong(500);
                    fast.correct(fastCharges.get(pick), amount);
                    ref.correct(refCharges.get(pick), amount);
                }
                case 3 -> {
                    fast.sent(fastCharges.get(pick), now);
                    ref.sent(refCharges.get(pick), now);
                }
                case 4 -> {
                    fast.answered(fastCharges.get(pick), now);
                    ref.answered(refCharges.get(pick), now);
                }
                case 5 -> {
                    if (rnd.nextInt(4) == 0) {
                        fast.remove(fastCharges.get(pick));
                        ref.remove(refCharges.get(pick));
                    } else {
                        long jitter = rnd.nextLong(window / 5 + 1);
                        fast.jitter(jitter);
                        ref.jitter(jitter);
                        assertThat(fast.marginNanos()).as(where).isEqualTo(ref.marginNanos());
                    }
                }
                case 6 -> assertThat(fast.used(now)).as(where).isEqualTo(ref.used(now));
                case 7 -> {
                    long amount = 1 + rnd.nextLong(2_000);
                    long limit = 1 + rnd.nextLong(20_000);
                    assertThat(fast.nanosUntilFits(now, amount, limit)).as(where)
                            .isEqualTo(ref.nanosUntilFits(now, amount, limit));
                }
                default -> {
                    long tolerance = rnd.nextBoolean() ? ref.marginNanos() : rnd.nextLong(window);
                    assertThat(fast.usedSurelyBefore(fastCharges.get(pick), tolerance, now)).as(where)
                            .isEqualTo(ref.usedSurelyBefore(refCharges.get(pick), tolerance, now));
                }
            }
        }
    }
}
