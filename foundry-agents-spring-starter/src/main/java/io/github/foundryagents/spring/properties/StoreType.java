package io.github.foundryagents.spring.properties;

/** Where tasks or usage records are kept. */
public enum StoreType {
    /** JDBC when a DataSource exists, else Redis when a Redis connection exists, else in memory. */
    AUTO,
    /** In this process's memory: not durable, not shared. */
    IN_MEMORY,
    /** Redis (module foundry-agents-redis-queue). */
    REDIS,
    /** The application's DataSource (PostgreSQL schema shipped with the starter). */
    JDBC
}
