package io.github.foundryagents.core.capacity;

/**
 * Whether a {@link JobLoad} fits a deployment's limits.
 *
 * @param tpm the deployment's tokens-per-minute limit
 * @param rpm its requests-per-minute limit (6 per 1,000 TPM)
 * @param callsPerMinute the load's calls per minute
 * @param tokensPerMinute the load's tokens per minute
 * @param fits whether both stay within the limits
 * @param bottleneck {@code RPM} or {@code TPM}: the limit the load reaches first
 * @param maxConcurrentJobs the most jobs that fit side by side
 */
public record LoadFit(long tpm, long rpm, double callsPerMinute, double tokensPerMinute, boolean fits,
        String bottleneck, int maxConcurrentJobs) {

    /** @return the load's share of the RPM limit, 1.0 = all of it */
    public double rpmUtilization() {
        return rpm == 0 ? Double.POSITIVE_INFINITY : callsPerMinute / rpm;
    }

    /** @return the load's share of the TPM limit, 1.0 = all of it */
    public double tpmUtilization() {
        return tpm == 0 ? Double.POSITIVE_INFINITY : tokensPerMinute / tpm;
    }
}
