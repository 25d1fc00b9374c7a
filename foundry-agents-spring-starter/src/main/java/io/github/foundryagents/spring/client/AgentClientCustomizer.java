package io.github.foundryagents.spring.client;

import io.github.foundryagents.core.AgentClient;

/**
 * Adjusts the {@link AgentClient} the starter builds, after the properties are applied: add interceptors, a
 * transport, an HTTP client. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface AgentClientCustomizer {

    /**
     * @param builder the builder, already configured from the properties
     */
    void customize(AgentClient.Builder builder);
}
