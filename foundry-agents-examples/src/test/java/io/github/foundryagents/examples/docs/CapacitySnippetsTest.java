package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.capacity.CapacityPlanner;
import io.github.foundryagents.core.capacity.DeploymentAdvice;
import io.github.foundryagents.core.capacity.DeploymentAdvice.DeploymentType;
import io.github.foundryagents.core.capacity.JobLoad;
import io.github.foundryagents.core.capacity.LoadFit;
import io.github.foundryagents.core.capacity.PollAdvice;
import io.github.foundryagents.core.capacity.PollingLoad;
import io.github.foundryagents.core.capacity.PtuModel;
import io.github.foundryagents.core.capacity.PtuPricing;
import io.github.foundryagents.core.capacity.Workload;
import io.github.foundryagents.core.usage.CostTable;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the code of docs/capacity.md and checks the values its comments claim; DocSnippetsTest checks the text. */
class CapacitySnippetsTest {

    @Test
    void jobFit() {
        // snippet: capacity#fit
        LoadFit fit = CapacityPlanner.defaults().fit(150_000, new JobLoad(5, 4, 1_500, Duration.ofSeconds(30)));
        fit.fits();               // true: 40 calls/min (4% of 900 RPM), 60,000 tokens/min (40% of TPM)
        fit.maxConcurrentJobs();  // 12, limited by TPM
        // end-snippet
        assertThat(fit.fits()).isTrue();
        assertThat(fit.callsPerMinute()).isEqualTo(40);
        assertThat(fit.rpm()).isEqualTo(900);
        assertThat(fit.tokensPerMinute()).isEqualTo(60_000);
        assertThat(fit.maxConcurrentJobs()).isEqualTo(12);
    }

    @Test
    void pollInterval() {
        // snippet: capacity#poll
        PollAdvice poll = CapacityPlanner.defaults().pollInterval(400_000, PollingLoad.of(3, Duration.ofSeconds(30)));
        poll.interval();          // PT15S, 2 polls per run, 12 poll requests per minute
        // end-snippet
        assertThat(poll.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(poll.pollsPerRun()).isEqualTo(2);
        assertThat(poll.pollRequestsPerMinute()).isEqualTo(12);
    }

    @Test
    void standardOrProvisioned() {
        // snippet: capacity#compare
        DeploymentAdvice advice = CapacityPlanner.defaults().compare(Workload.steady("gpt-4o", 300_000, 60_000));
        advice.ptus();                    // 220: (300,000 + 4 × 60,000) ÷ 2,500 = 216 -> next step of 5
        advice.standardMonthlyCost();     // 59,130.00 USD
        advice.ptuReservedMonthlyCost();  // 57,200.00 USD (hourly: 160,600.00)
        advice.choice();                  // PROVISIONED: 98% busy, break-even 95%
        // end-snippet
        assertThat(advice.ptus()).isEqualTo(220);
        assertThat(advice.standardMonthlyCost()).isEqualByComparingTo("59130.00");
        assertThat(advice.ptuReservedMonthlyCost()).isEqualByComparingTo("57200.00");
        assertThat(advice.ptuHourlyMonthlyCost()).isEqualByComparingTo("160600.00");
        assertThat(advice.choice()).isEqualTo(DeploymentType.PROVISIONED);
    }

    @Test
    void replacedDefaults() {
        // snippet: capacity#custom
        CapacityPlanner planner = CapacityPlanner.builder()
                .ptuModel("gpt-5", new PtuModel(4_750, 8, 15, 5))
                .ptuPricing(new PtuPricing(new BigDecimal("1.10"), new BigDecimal("286"), "USD"))
                .tokenPrices(CostTable.defaults().toBuilder().price("gpt-5", "1.25", "10.00").build())
                .build();
        // end-snippet
        DeploymentAdvice advice = planner.compare(Workload.steady("gpt-5", 47_500, 0));
        assertThat(advice.ptus()).isEqualTo(15);
        assertThat(advice.ptuReservedMonthlyCost()).isEqualByComparingTo("4290");
    }
}
