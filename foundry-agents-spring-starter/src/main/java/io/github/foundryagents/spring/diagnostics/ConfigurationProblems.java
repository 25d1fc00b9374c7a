package io.github.foundryagents.spring.diagnostics;

import io.github.foundryagents.core.config.ConfigProblem;
import io.github.foundryagents.core.config.FoundryConfigException;
import java.util.List;

/**
 * Builds the exception the starter throws for a property that cannot work as set. It is the core's
 * {@link FoundryConfigException}, so {@link FoundryConfigFailureAnalyzer} reports it like the core's own problems.
 */
public final class ConfigurationProblems {

    private ConfigurationProblems() {
    }

    /**
     * @param property the property at fault, e.g. {@code foundry.agents.queue.type}
     * @param message what is wrong and how to fix it
     * @return the exception to throw
     */
    public static FoundryConfigException problem(String property, String message) {
        return new FoundryConfigException(List.of(new ConfigProblem(property, message)));
    }
}
