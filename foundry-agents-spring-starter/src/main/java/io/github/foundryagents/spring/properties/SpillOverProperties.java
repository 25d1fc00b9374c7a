package io.github.foundryagents.spring.properties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.spill-over.*}: where calls go when their deployment is saturated (429) or failing (5xx).
 *
 * @param fallbacks alias or deployment name to its ordered fallbacks, e.g. gpt4: gpt4-mini; empty turns
 *     spill-over off
 * @param maxWait the longest server-requested wait honoured before moving to the next deployment
 */
public record SpillOverProperties(Map<String, List<String>> fallbacks, @DefaultValue("5s") Duration maxWait) {

    /**
     * Copies the fallbacks.
     *
     * @param fallbacks alias or deployment name to its ordered fallbacks; {@code null} means none
     * @param maxWait the longest server-requested wait honoured before moving to the next deployment
     */
    public SpillOverProperties {
        fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
    }
}
