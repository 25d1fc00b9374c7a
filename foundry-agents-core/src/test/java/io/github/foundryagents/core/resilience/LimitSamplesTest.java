package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LimitSamplesTest {

    @Test
    void theLimitIsTheLargestSampleOfTheLastWindow() {
        LimitSamples s = new LimitSamples(1_000);

        assertThat(s.add(0, 50)).isEqualTo(50);
        assertThat(s.add(100, 80)).isEqualTo(80);
        assertThat(s.add(200, 60)).isEqualTo(80);
        assertThat(s.add(1_100, 10)).isEqualTo(60); // the 80 of t=100 left the window at 1,100
        s.clear();
        assertThat(s.add(1_200, 5)).isEqualTo(5);
    }

    @Test
    void keepsOnlyTheLast256Samples() {
        LimitSamples s = new LimitSamples(Long.MAX_VALUE / 4);
        s.add(0, 1_000);
        for (int i = 1; i < 256; i++) {
            assertThat(s.add(i, 1)).isEqualTo(1_000);
        }
        assertThat(s.add(256, 1)).isEqualTo(1);
    }

    /** Random samples, windows, clears and (rarely) times that go back: same answers as the deque-scanning one. */
    @Test
    void answersExactlyLikeTheDequeScanningReference() {
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            long window = 1 + rnd.nextLong(10_000);
            LimitSamples fast = new LimitSamples(window);
            ReferenceLimitSamples ref = new ReferenceLimitSamples(window);
            long now = rnd.nextLong(-1_000_000, 1_000_000);
            long step = 1 + rnd.nextLong(window / 50 + 1);
            boolean descending = rnd.nextBoolean();
            for (int op = 0; op < 2_000; op++) {
                now += seed % 4 == 0 ? rnd.nextLong(-step, 2 * step) : rnd.nextLong(2 * step);
                if (rnd.nextInt(200) == 0) {
                    fast.clear();
                    ref.clear();
                    continue;
                }
                // Falling values keep many candidates; random ones few.
                long value = descending ? Math.max(1, 1_000_000 - op * 400L + rnd.nextLong(1_000))
                        : 1 + rnd.nextLong(1_000);
                assertThat(fast.add(now, value)).as("seed %d op %d", seed, op).isEqualTo(ref.add(now, value));
            }
        }
    }
}
