package io.github.foundryagents.core.capacity;

/**
 * How much a model gets from provisioned throughput units (PTU), per Microsoft's sizing tables.
 *
 * @param inputTpmPerPtu input tokens per minute one PTU serves
 * @param outputToInputRatio how many input tokens one output token counts as
 * @param minimumPtus the smallest deployment
 * @param increment deployments grow in steps of this many PTUs
 */
public record PtuModel(long inputTpmPerPtu, int outputToInputRatio, int minimumPtus, int increment) {

    /**
     * Validates the components.
     *
     * @param inputTpmPerPtu input tokens per minute one PTU serves
     * @param outputToInputRatio how many input tokens one output token counts as
     * @param minimumPtus the smallest deployment
     * @param increment deployments grow in steps of this many PTUs
     */
    public PtuModel {
        if (inputTpmPerPtu <= 0 || outputToInputRatio <= 0 || minimumPtus <= 0 || increment <= 0) {
            throw new IllegalArgumentException("PTU throughput, ratio, minimum and increment must be positive");
        }
    }

    /**
     * @param normalizedTpm input TPM plus output TPM × ratio
     * @return PTUs needed, rounded up to the increment and at least the minimum
     */
    public long ptusFor(double normalizedTpm) {
        long raw = (long) Math.ceil(normalizedTpm / inputTpmPerPtu);
        long stepped = (raw + increment - 1) / increment * increment;
        return Math.max(minimumPtus, stepped);
    }
}
