package io.github.foundryagents.core.capacity;

import java.util.Objects;

/**
 * What a capacity report describes: one deployment, the jobs and polling it serves, and the workload to price.
 *
 * @param name a label, e.g. {@code prod gpt-4o}
 * @param tpm the deployment's tokens-per-minute quota (Terraform capacity × 1,000)
 * @param jobs the background jobs it serves
 * @param polling the runs polled on it
 * @param workload the steady workload to price on Standard and Provisioned
 */
public record Scenario(String name, long tpm, JobLoad jobs, PollingLoad polling, Workload workload) {

    /**
     * Validates the components.
     *
     * @param name a label, e.g. {@code prod gpt-4o}
     * @param tpm the deployment's tokens-per-minute quota (Terraform capacity × 1,000)
     * @param jobs the background jobs it serves
     * @param polling the runs polled on it
     * @param workload the steady workload to price on Standard and Provisioned
     */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(workload, "workload");
        if (tpm <= 0) {
            throw new IllegalArgumentException("tpm must be positive, got " + tpm);
        }
    }
}
