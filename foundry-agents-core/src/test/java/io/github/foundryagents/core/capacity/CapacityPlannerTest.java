package io.github.foundryagents.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.capacity.DeploymentAdvice.DeploymentType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

    private final CapacityPlanner planner = CapacityPlanner.defaults();

    @Test
    void sixRequestsPerMinutePerThousandTokensPerMinute() {
        assertThat(CapacityPlanner.requestsPerMinute(30_000)).isEqualTo(180);
        assertThat(CapacityPlanner.requestsPerMinute(150_000)).isEqualTo(900);
        assertThat(CapacityPlanner.requestsPerMinute(400_000)).isEqualTo(2_400); // the guidance's "40 requests/second"
        assertThat(CapacityPlanner.requestsPerMinute(1_500)).isEqualTo(9);
    }

    @Test
    void theGuidancesFiveJobsOfFourCallsFitProdButNotDev() {
        JobLoad jobs = new JobLoad(5, 4, 1_500, Duration.ofSeconds(30));

        LoadFit prod = planner.fit(150_000, jobs);
        assertThat(prod.fits()).isTrue();
        assertThat(prod.callsPerMinute()).isEqualTo(40);
        assertThat(prod.tokensPerMinute()).isEqualTo(60_000);
        assertThat(prod.maxConcurrentJobs()).isEqualTo(12);
        assertThat(prod.bottleneck()).isEqualTo("TPM");

        LoadFit dev = planner.fit(30_000, jobs);
        assertThat(dev.fits()).isFalse();
        assertThat(dev.tpmUtilization()).isEqualTo(2.0);
        assertThat(dev.maxConcurrentJobs()).isEqualTo(2);
    }

    @Test
    void manySmallCallsHitTheRequestLimitBeforeTheTokenLimit() {
        LoadFit fit = planner.fit(150_000, new JobLoad(50, 10, 100, Duration.ofSeconds(20)));

        assertThat(fit.bottleneck()).isEqualTo("RPM");
        assertThat(fit.fits()).isFalse();
        assertThat(fit.callsPerMinute()).isEqualTo(1_500);
        assertThat(fit.maxConcurrentJobs()).isEqualTo(30);
    }

    @Test
    void pollIntervalMatchesTheGuidancesFifteenSecondsForThirtySecondRuns() {
        PollAdvice advice = planner.pollInterval(400_000, PollingLoad.of(3, Duration.ofSeconds(30)));

        assertThat(advice.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(advice.pollsPerRun()).isEqualTo(2);
        assertThat(advice.pollRequestsPerMinute()).isEqualTo(12);
        assertThat(advice.runsPerMinutePerOperation()).isEqualTo(1_200.0 / (3 * 2));
    }

    @Test
    void aSmallDeploymentWithManyParallelRunsGetsTheCapacityFloor() {
        PollAdvice advice = planner.pollInterval(1_000, PollingLoad.of(5, Duration.ofSeconds(30)));

        // 6 RPM, half for polling = 3 polls/min shared by 5 runs: each may poll once per 100 s
        assertThat(advice.runsPerMinutePerOperation()).isEqualTo(0.3);
        assertThat(advice.capacityFloor()).isEqualTo(Duration.ofSeconds(100));
        assertThat(advice.interval()).isEqualTo(Duration.ofSeconds(100));
        assertThat(advice.pollsPerRun()).isEqualTo(1);
        assertThat(advice.pollRequestsPerMinute()).isEqualTo(3.0);
        assertThatThrownBy(() -> planner.pollInterval(100, PollingLoad.of(1, Duration.ofSeconds(30))))
                .hasMessageContaining("at least 1,000 TPM");
    }

    @Test
    void ptuSizingFollowsMicrosoftsWorkedExample() {
        // gpt-5.2: 1,000 RPM × (200 prompt + 8 × 20 response) = 360,000 normalized TPM / 3,400 = 105.88 -> 110 PTUs
        PtuModel gpt52 = new PtuModel(3_400, 8, 15, 5);

        assertThat(gpt52.ptusFor(1_000 * 200 + 8 * 1_000 * 20)).isEqualTo(110);
        assertThat(gpt52.ptusFor(1)).isEqualTo(15);
    }

    @Test
    void aSteadyHighVolumeWorkloadIsCheaperOnReservedPtus() {
        DeploymentAdvice advice = planner.compare(Workload.steady("gpt-4o", 300_000, 60_000));

        assertThat(advice.ptus()).isEqualTo(220); // (300K + 4 × 60K) / 2,500 = 216 -> 220
        assertThat(advice.ptuReservedMonthlyCost()).isEqualByComparingTo("57200.00");
        assertThat(advice.ptuHourlyMonthlyCost()).isEqualByComparingTo("160600.00");
        assertThat(advice.standardMonthlyCost()).isEqualByComparingTo("59130.00");
        assertThat(advice.choice()).isEqualTo(DeploymentType.PROVISIONED);
        assertThat(advice.ptuUtilization()).isCloseTo(540_000.0 / 550_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(advice.breakEvenUtilization()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void aBusinessHoursWorkloadStaysOnStandard() {
        DeploymentAdvice advice = planner.compare(new Workload("gpt-4o", 9_000, 3_000, 2, 10));

        assertThat(advice.choice()).isEqualTo(DeploymentType.STANDARD);
        assertThat(advice.ptus()).isEqualTo(20);
        assertThat(advice.standardTpm()).isEqualTo(24_000);
        assertThat(advice.reason()).contains("20 PTUs").contains("18% busy");
    }

    @Test
    void pricesAndThroughputAreConfigurable() {
        CapacityPlanner cheapPtu = CapacityPlanner.builder()
                .ptuPricing(new PtuPricing(new java.math.BigDecimal("0.10"), new java.math.BigDecimal("10"), "USD"))
                .build();

        assertThat(cheapPtu.compare(new Workload("gpt-4o", 9_000, 3_000, 2, 10)).choice())
                .isEqualTo(DeploymentType.PROVISIONED);
        assertThatThrownBy(() -> planner.compare(Workload.steady("o1", 1, 1))).hasMessageContaining("'o1'");
    }

    @Test
    void aModelsPtuThroughputIsConfigurable() {
        Workload peaky = new Workload("gpt-4o", 9_000, 3_000, 2, 10);
        // (9,000 + 4 × 3,000) × peak 2 = 42,000 normalized TPM
        assertThat(planner.compare(peaky).ptus()).as("2,500 TPM per PTU, 15 minimum, steps of 5").isEqualTo(20);

        CapacityPlanner faster = CapacityPlanner.builder().ptuModel("gpt-4o", new PtuModel(10_000, 4, 1, 1)).build();

        assertThat(faster.compare(peaky).ptus()).as("42,000 / 10,000 rounded up").isEqualTo(5);
    }

    @Test
    void mainPrintsTheDevAndProdReports() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CapacityPlanner.print(planner, CapacityPlanner.terraformScenarios(), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("== dev gpt-4o: 30,000 TPM", "== dev gpt-4o-mini: 60,000 TPM",
                "== prod gpt-4o: 150,000 TPM", "== prod gpt-4o-mini: 300,000 TPM");
        assertThat(out).contains("180 requests/min", "360 requests/min", "900 requests/min", "1,800 requests/min");
        assertThat(out).contains("does NOT fit; at most 2 concurrent jobs", "fits; at most 12 concurrent jobs");
        assertThat(out).contains("poll every 15 s").contains("Choose:      STANDARD");
    }
}
