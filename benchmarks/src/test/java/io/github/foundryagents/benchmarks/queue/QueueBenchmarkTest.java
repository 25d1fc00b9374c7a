package io.github.foundryagents.benchmarks.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueBenchmarkTest {

    @Test
    void theMedianIgnoresOneNoisyRound() {
        assertThat(QueueBenchmark.median(new double[] {9000, 3000, 10000, 9500, 9800})).isEqualTo(9500);
        assertThat(QueueBenchmark.median(new double[] {2, 4})).isEqualTo(3);
    }

    @Test
    void processingCasesNameTheirConcurrency() {
        assertThat(OursQueueRun.concurrency("c50")).isEqualTo(50);
        assertThatThrownBy(() -> OursQueueRun.concurrency("c0")).hasMessageContaining("unknown case");
        assertThatThrownBy(() -> OursQueueRun.concurrency("bulk")).hasMessageContaining("add-bulk or cN");
    }
}
