package io.github.foundryagents.spring.properties;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.jdbc.*}: the JDBC task and usage stores.
 *
 * @param migrate apply the starter's PostgreSQL schema with Flyway at start-up (own history table
 *     foundry_agents_schema_history); off when the schema is managed elsewhere
 */
public record JdbcProperties(@DefaultValue("true") boolean migrate) {
}
