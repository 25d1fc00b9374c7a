package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.Optional;

/**
 * Fixed-interval polling faster than a few seconds: the SDKs' one-second default, which the guidance this library
 * follows names as the way parallel runs exhaust the Agent Service's request limit. Nothing fails at once, so the
 * builder warns instead. Stateless.
 */
final class FrequentPolling {

    /** Fixed intervals below this draw the warning. */
    static final Duration SHORTEST_QUIET_INTERVAL = Duration.ofSeconds(5);

    private FrequentPolling() {
    }

    /**
     * @param agentName the agent's name, for the message
     * @param strategy how the agent waits for runs
     * @return a warning when the strategy polls at a fixed interval shorter than {@link #SHORTEST_QUIET_INTERVAL}
     */
    static Optional<String> warning(String agentName, WaitStrategy strategy) {
        if (!(strategy instanceof WaitStrategy.FixedInterval fixed)
                || fixed.interval().compareTo(SHORTEST_QUIET_INTERVAL) >= 0) {
            return Optional.empty();
        }
        return Optional.of("Grounded agent '" + agentName + "' polls its runs every " + fixed.interval().toMillis()
                + " ms (WaitStrategy.fixedInterval): every run in flight sends a status request that often, and"
                + " parallel runs exhaust the Agent Service's request limit (3 runs of 30 s polled every second make"
                + " 90 requests, polled every 15 s make 6). Use WaitStrategy.streaming() (the default) or"
                + " adaptivePolling() with a shared PollBudget, or poll every 15 s (WaitStrategy.SEED_INTERVAL);"
                + " CapacityPlanner.pollInterval(...) sizes the interval for your quota");
    }
}
