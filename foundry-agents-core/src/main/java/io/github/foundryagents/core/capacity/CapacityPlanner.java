package io.github.foundryagents.core.capacity;

import io.github.foundryagents.core.capacity.DeploymentAdvice.DeploymentType;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.CostTable.ModelPrice;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Capacity arithmetic for Azure OpenAI deployments: requests per minute from tokens per minute (6 RPM per 1,000
 * TPM), whether N concurrent jobs of K calls fit, the poll interval for asynchronous runs, and Standard versus
 * Provisioned (PTU) for a workload. {@link #report(Scenario)} renders all of it as text; {@link #main} prints the
 * reports for the dev (30K / 60K TPM) and prod (150K / 300K TPM) capacities of the Terraform module.
 *
 * <p>PTU throughput defaults follow Microsoft's sizing tables as of {@value #PTU_TABLE_AS_OF} (Global and Data
 * Zone provisioned: minimum 15 PTUs, steps of 5); prices come from {@link PtuPricing} and {@link CostTable}.
 * Immutable and thread-safe.
 */
public final class CapacityPlanner {

    /** Azure grants this many requests per minute per 1,000 tokens per minute: {@value}. */
    public static final int RPM_PER_1000_TPM = 6;
    /** When the default PTU throughput table was taken: {@value}. */
    public static final String PTU_TABLE_AS_OF = "2026-05";
    /** Hours in a billing month, as Azure's calculator counts them: {@value}. */
    public static final double HOURS_PER_MONTH = 730;

    private final Map<String, PtuModel> ptuModels;
    private final PtuPricing ptuPricing;
    private final CostTable tokenPrices;

    private CapacityPlanner(Builder b) {
        if (!b.ptuPricing.currency().equals(b.tokenPrices.currency())) {
            throw new IllegalArgumentException("PTU prices are in " + b.ptuPricing.currency() + " but token prices in "
                    + b.tokenPrices.currency() + ": use one currency");
        }
        this.ptuModels = Map.copyOf(b.ptuModels);
        this.ptuPricing = b.ptuPricing;
        this.tokenPrices = b.tokenPrices;
    }

    /** @return Microsoft's PTU table, Global Provisioned prices and {@link CostTable#defaults()} */
    public static CapacityPlanner defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param tpm a deployment's tokens-per-minute quota
     * @return its requests-per-minute limit: 6 per 1,000 TPM
     */
    public static long requestsPerMinute(long tpm) {
        return tpm * RPM_PER_1000_TPM / 1000;
    }

    /**
     * @param tpm the deployment's tokens-per-minute quota
     * @param load concurrent jobs and their calls
     * @return whether the load fits, what limits it, and how many jobs would
     */
    public LoadFit fit(long tpm, JobLoad load) {
        long rpm = requestsPerMinute(tpm);
        double callsPerJob = load.callsPerJob() * load.jobsPerMinutePerSlot();
        int byRpm = (int) Math.floor(rpm / callsPerJob);
        int byTpm = (int) Math.floor(tpm / (callsPerJob * load.tokensPerCall()));
        boolean fits = load.callsPerMinute() <= rpm && load.tokensPerMinute() <= tpm;
        return new LoadFit(tpm, rpm, load.callsPerMinute(), load.tokensPerMinute(), fits, byRpm <= byTpm ? "RPM" : "TPM",
                Math.min(byRpm, byTpm));
    }

    /**
     * The poll interval for runs on a deployment. The guidance's rule {@code capacity / (parallel_operations ×
     * polls_per_run)}, with capacity the RPM share left to polling, gives the runs per minute each parallel slot
     * can poll to completion; one minute divided by that times the polls per run is the shortest interval the
     * budget allows. The recommendation is the longer of that floor and run duration ÷ polls per run (the
     * guidance's 15 s for 30-second runs polled twice), rounded up to whole seconds.
     *
     * @param tpm the deployment's tokens-per-minute quota
     * @param polling the runs polled and how
     * @return the interval and the numbers behind it
     */
    public PollAdvice pollInterval(long tpm, PollingLoad polling) {
        double budget = requestsPerMinute(tpm) * polling.pollingShare();
        if (budget <= 0) {
            throw new IllegalArgumentException(tpm + " TPM allows no requests per minute; a deployment needs at"
                    + " least 1,000 TPM (6 RPM)");
        }
        double runsPerMinutePerOperation = budget / (polling.parallelOperations() * polling.pollsPerRun());
        Duration floor = Duration.ofMillis((long) Math.ceil(60_000 / (runsPerMinutePerOperation * polling.pollsPerRun())));
        Duration responsive = polling.expectedRunDuration().dividedBy(polling.pollsPerRun());
        long ms = Math.max(floor.toMillis(), responsive.toMillis());
        Duration interval = Duration.ofSeconds(Math.max(1, (ms + 999) / 1000));
        int pollsPerRun = (int) Math.ceil((double) polling.expectedRunDuration().toMillis() / interval.toMillis());
        double pollRequests = polling.parallelOperations() * 60_000.0 / interval.toMillis();
        return new PollAdvice(interval, responsive, floor, runsPerMinutePerOperation, pollsPerRun, pollRequests, budget);
    }

    /**
     * Prices a workload on Standard (pay per token, average use) and Provisioned (PTUs sized for the peak, billed
     * around the clock) and picks the cheaper, comparing Standard with a monthly PTU reservation.
     *
     * @param workload the workload
     * @return both costs and the choice
     * @throws IllegalArgumentException when the model has no PTU or token price
     */
    public DeploymentAdvice compare(Workload workload) {
        String model = workload.model().toLowerCase(Locale.ROOT);
        PtuModel ptu = ptuModels.get(model);
        ModelPrice price = tokenPrices.priceOf(model).orElse(null);
        if (ptu == null || price == null) {
            throw new IllegalArgumentException("no " + (ptu == null ? "PTU throughput" : "token price") + " for model '"
                    + workload.model() + "'; add it with CapacityPlanner.builder()");
        }
        double in = workload.inputTokensPerMinute();
        double out = workload.outputTokensPerMinute();
        if (in + out == 0) {
            throw new IllegalArgumentException("a workload to price needs some tokens per minute");
        }
        double activeHours = HOURS_PER_MONTH * workload.activeHoursPerDay() / 24;
        BigDecimal standard = tokenCost(price, in, out, activeHours);
        double peak = workload.peakFactor();
        long standardTpm = (long) Math.ceil((in + out) * peak / 1000) * 1000;
        double normalized = in + ptu.outputToInputRatio() * out;
        long ptus = ptu.ptusFor(normalized * peak);
        double capacity = (double) ptus * ptu.inputTpmPerPtu();
        double utilization = normalized * (activeHours / HOURS_PER_MONTH) / capacity;
        BigDecimal hourly = money(ptuPricing.hourlyPerPtu().multiply(BigDecimal.valueOf(ptus * (long) HOURS_PER_MONTH)));
        BigDecimal reserved = money(ptuPricing.monthlyReservationPerPtu().multiply(BigDecimal.valueOf(ptus)));
        BigDecimal standardAtFull = tokenCost(price, capacity * in / normalized, capacity * out / normalized,
                HOURS_PER_MONTH);
        double breakEven = reserved.doubleValue() / standardAtFull.doubleValue();
        boolean provisioned = reserved.compareTo(standard) < 0;
        String reason = provisioned
                ? String.format(Locale.ROOT, "%d reserved PTUs cost less than paying per token and carry a latency"
                        + " target; the workload keeps them %.0f%% busy (break-even %.0f%%)", ptus, utilization * 100,
                        breakEven * 100)
                : String.format(Locale.ROOT, "the %d PTUs the peak needs would be %.0f%% busy on average; %s",
                        ptus, utilization * 100, breakEven > 1 ? String.format(Locale.ROOT, "a reservation would"
                                + " need %.0f%% to pay off, so it never does at these prices", breakEven * 100)
                                : String.format(Locale.ROOT, "a reservation pays off above %.0f%%", breakEven * 100));
        return new DeploymentAdvice(workload, standardTpm, standard, ptus, utilization, hourly, reserved, breakEven,
                provisioned ? DeploymentType.PROVISIONED : DeploymentType.STANDARD, reason);
    }

    /**
     * @param scenario a deployment, its jobs, polling and workload
     * @return a readable multi-line report
     */
    public String report(Scenario scenario) {
        return CapacityReport.render(scenario, fit(scenario.tpm(), scenario.jobs()),
                pollInterval(scenario.tpm(), scenario.polling()), compare(scenario.workload()), tokenPrices.currency());
    }

    /**
     * The dev and prod capacities of the Terraform module (gpt-4o 30K / 150K TPM, gpt-4o-mini 60K / 300K TPM)
     * under the guidance's job shape: 5 concurrent jobs × 4 calls of 1,500 tokens (500 prompt + 1,000
     * {@code max_tokens}), ~30 s per job and run, runs polled twice. Dev works 10 hours a day at 40% of its quota
     * on average (peaks ×2); prod works around the clock at 50% (peaks ×1.5); output is a quarter of the tokens.
     *
     * @return the four scenarios
     */
    public static List<Scenario> terraformScenarios() {
        return List.of(example("dev gpt-4o", "gpt-4o", 30_000, 0.4, 2, 10),
                example("dev gpt-4o-mini", "gpt-4o-mini", 60_000, 0.4, 2, 10),
                example("prod gpt-4o", "gpt-4o", 150_000, 0.5, 1.5, 24),
                example("prod gpt-4o-mini", "gpt-4o-mini", 300_000, 0.5, 1.5, 24));
    }

    /**
     * Prints {@link #report(Scenario)} for each of {@link #terraformScenarios()}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(defaults(), terraformScenarios(), System.out);
    }

    static void print(CapacityPlanner planner, List<Scenario> scenarios, PrintStream out) {
        for (Scenario s : scenarios) {
            out.println(planner.report(s));
        }
    }

    private static Scenario example(String name, String model, long tpm, double averageShare, double peak, double hours) {
        long average = Math.round(tpm * averageShare);
        Workload workload = new Workload(model, average * 3 / 4, average / 4, peak, hours);
        return new Scenario(name, tpm, new JobLoad(5, 4, 1_500, Duration.ofSeconds(30)),
                PollingLoad.of(5, Duration.ofSeconds(30)), workload);
    }

    private static BigDecimal tokenCost(ModelPrice price, double inPerMinute, double outPerMinute, double hours) {
        double minutes = hours * 60;
        BigDecimal in = price.inputPerMillion().multiply(BigDecimal.valueOf(inPerMinute * minutes / 1_000_000));
        BigDecimal out = price.outputPerMillion().multiply(BigDecimal.valueOf(outPerMinute * minutes / 1_000_000));
        return money(in.add(out));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Builds a {@link CapacityPlanner}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, PtuModel> ptuModels = new HashMap<>();
        private PtuPricing ptuPricing = PtuPricing.defaults();
        private CostTable tokenPrices = CostTable.defaults();

        private Builder() {
            ptuModels.put("gpt-4o", new PtuModel(2_500, 4, 15, 5));
            ptuModels.put("gpt-4o-mini", new PtuModel(37_000, 4, 15, 5));
            ptuModels.put("gpt-4.1", new PtuModel(3_000, 4, 15, 5));
            ptuModels.put("gpt-4.1-mini", new PtuModel(14_900, 4, 15, 5));
            ptuModels.put("gpt-4.1-nano", new PtuModel(59_400, 4, 15, 5));
        }

        /**
         * @param model a model name (any case)
         * @param throughput what one PTU gives it, replacing the default
         * @return this builder
         */
        public Builder ptuModel(String model, PtuModel throughput) {
            ptuModels.put(Objects.requireNonNull(model, "model").toLowerCase(Locale.ROOT),
                    Objects.requireNonNull(throughput, "throughput"));
            return this;
        }

        /**
         * @param pricing PTU prices; default {@link PtuPricing#defaults()}
         * @return this builder
         */
        public Builder ptuPricing(PtuPricing pricing) {
            this.ptuPricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /**
         * @param prices pay-per-token prices; default {@link CostTable#defaults()}
         * @return this builder
         */
        public Builder tokenPrices(CostTable prices) {
            this.tokenPrices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** @return the planner */
        public CapacityPlanner build() {
            return new CapacityPlanner(this);
        }
    }
}
