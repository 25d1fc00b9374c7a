package io.github.foundryagents.spring.diagnostics;

import io.github.foundryagents.core.config.ConfigProblem;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.spring.properties.StoreType;
import java.util.List;
import java.util.Locale;

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

    /**
     * A store chosen explicitly that could not be configured.
     *
     * @param property the store property, e.g. {@code foundry.agents.tasks.store}
     * @param type the store chosen
     * @return the exception to throw
     */
    public static FoundryConfigException storeUnavailable(String property, StoreType type) {
        String name = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String need = type == StoreType.JDBC
                ? "define a DataSource (spring.datasource.url) with spring-jdbc on the classpath"
                : "add foundry-agents-redis-queue and set foundry.agents.redis.url or REDIS_URL";
        return problem(property, property + "=" + name + " but no such store could be configured: " + need
                + ", or set " + property + "=in-memory");
    }
}
