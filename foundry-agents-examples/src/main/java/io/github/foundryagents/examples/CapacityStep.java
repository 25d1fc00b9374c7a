package io.github.foundryagents.examples;

import io.github.foundryagents.core.capacity.CapacityPlanner;
import io.github.foundryagents.core.capacity.Scenario;

/**
 * The capacity planner's report for the Terraform module's production capacities: RPM from TPM, whether the
 * task workers' load fits, the poll interval that keeps grounded runs inside the limit, Standard vs PTU.
 */
final class CapacityStep implements TourStep {

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public String description() {
        return "capacity planner report for the prod deployments (150K / 300K TPM)";
    }

    @Override
    public void run(Tour tour) {
        CapacityPlanner planner = CapacityPlanner.defaults();
        Scenario prod = CapacityPlanner.terraformScenarios().stream()
                .filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).contains("prod")).findFirst()
                .orElse(CapacityPlanner.terraformScenarios().get(0));
        planner.report(prod).lines().forEach(tour::line);
    }
}
