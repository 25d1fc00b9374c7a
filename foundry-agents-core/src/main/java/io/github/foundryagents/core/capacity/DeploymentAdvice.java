package io.github.foundryagents.core.capacity;

import java.math.BigDecimal;

/**
 * Standard versus Provisioned for a {@link Workload}: what each costs per month and which to choose.
 *
 * @param workload the workload priced
 * @param standardTpm the TPM quota a Standard deployment needs for the peak (input + output tokens)
 * @param standardMonthlyCost pay-per-token cost per month
 * @param ptus PTUs a Provisioned deployment needs for the peak
 * @param ptuUtilization average use of those PTUs over the month, 1.0 = fully used
 * @param ptuHourlyMonthlyCost their cost per month billed hourly (730 hours)
 * @param ptuReservedMonthlyCost their cost per month under a monthly reservation
 * @param breakEvenUtilization the average PTU utilization above which the reservation costs less than Standard
 * @param choice the cheaper deployment type
 * @param reason why, in one sentence
 */
public record DeploymentAdvice(Workload workload, long standardTpm, BigDecimal standardMonthlyCost, long ptus,
        double ptuUtilization, BigDecimal ptuHourlyMonthlyCost, BigDecimal ptuReservedMonthlyCost,
        double breakEvenUtilization, DeploymentType choice, String reason) {

    /** Azure OpenAI deployment billing models. */
    public enum DeploymentType {
        /** Pay per token, TPM/RPM quota, no latency guarantee. */
        STANDARD,
        /** Provisioned throughput units, billed per hour or reserved, with a latency target. */
        PROVISIONED
    }
}
