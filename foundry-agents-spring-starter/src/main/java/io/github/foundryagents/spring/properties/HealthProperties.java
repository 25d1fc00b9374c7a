package io.github.foundryagents.spring.properties;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.health.*}: the Actuator health indicator (configuration, token, deployments). Its result is
 * cached, so probes cost at most one one-token call per deployment per {@code cache-ttl}.
 *
 * @param cacheTtl how long a result is served before the checks run again
 * @param timeout the most one check may take
 * @param deployments aliases or deployment names to check with a one-token completion; empty checks every
 *     configured alias
 */
public record HealthProperties(
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("10s") Duration timeout,
        List<String> deployments) {

    /**
     * Copies the list.
     *
     * @param cacheTtl how long a result is served before the checks run again
     * @param timeout the most one check may take
     * @param deployments aliases or deployment names to check with a one-token completion; empty checks every
     *         configured alias
     */
    public HealthProperties {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }
}
