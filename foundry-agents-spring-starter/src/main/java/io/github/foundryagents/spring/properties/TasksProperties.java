package io.github.foundryagents.spring.properties;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code foundry.agents.tasks.*}: agent tasks.
 *
 * @param store where task records are kept: auto (jdbc with a DataSource, else redis with a Redis connection, else
 *     in-memory), in-memory, redis or jdbc
 * @param defaultAgent the agent of tasks that name none: tools (the tool-calling agent) or grounded
 * @param maxInputSize the largest prompt plus context accepted (UTF-8)
 */
public record TasksProperties(
        @DefaultValue("auto") StoreType store,
        @DefaultValue("tools") String defaultAgent,
        @DefaultValue("1MB") DataSize maxInputSize) {
}
