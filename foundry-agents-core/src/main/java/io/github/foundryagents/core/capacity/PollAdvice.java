package io.github.foundryagents.core.capacity;

import java.time.Duration;

/**
 * The recommended poll interval for a {@link PollingLoad} on a deployment.
 *
 * @param interval the recommended time between status checks of one run
 * @param responsiveInterval expected run duration ÷ polls per run: what responsiveness asks for
 * @param capacityFloor the shortest interval the polling budget allows for all parallel runs
 * @param runsPerMinutePerOperation the guidance's {@code capacity / (parallel_operations × polls_per_run)}, with
 *     capacity the polling budget in requests per minute: runs per minute each parallel slot can poll to the end
 * @param pollsPerRun status checks a run of the expected length takes at {@link #interval}
 * @param pollRequestsPerMinute requests per minute all parallel runs spend polling at {@link #interval}
 * @param pollBudgetPerMinute the requests per minute polling may use
 */
public record PollAdvice(Duration interval, Duration responsiveInterval, Duration capacityFloor,
        double runsPerMinutePerOperation, int pollsPerRun, double pollRequestsPerMinute, double pollBudgetPerMinute) {
}
