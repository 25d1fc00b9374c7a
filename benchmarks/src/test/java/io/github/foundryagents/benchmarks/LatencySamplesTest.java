package io.github.foundryagents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesUseTheNearestRank() {
        LatencySamples samples = new LatencySamples(2);
        for (long v = 100; v >= 1; v--) {
            samples.add(v);
        }

        assertThat(samples.size()).isEqualTo(100);
        assertThat(samples.median()).isEqualTo(50);
        assertThat(samples.percentile(90)).isEqualTo(90);
        assertThat(samples.percentile(99)).isEqualTo(99);
        assertThat(samples.percentile(100)).isEqualTo(100);
        assertThatThrownBy(() -> samples.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMedianOfAnEvenCountAveragesTheMiddlePair() {
        assertThat(LatencySamples.median(new double[] {1.10, 0.90, 1.00, 1.20})).isEqualTo(1.05);
        assertThat(LatencySamples.median(new double[] {3, 1, 2})).isEqualTo(2);
    }
}
