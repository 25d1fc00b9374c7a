package io.github.foundryagents.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.queue.*}: the task queue and the options of every task job.
 *
 * @param type auto (redis with a Redis connection, else in-memory), in-memory (not durable) or redis (BullMQ
 *     compatible)
 * @param name the queue name; for Redis Cluster put a hash tag in it, e.g. {agent-tasks}
 * @param prefix the Redis key prefix, BullMQ's default bull
 * @param attempts runs before a task fails for good
 * @param backoff delay before the first retry
 * @param backoffType exponential (backoff, 2 x backoff, ...) or fixed
 * @param keepCompleted completed jobs kept in the queue (the task record keeps the result anyway)
 * @param keepFailed failed jobs kept in the queue
 */
public record QueueProperties(
        @DefaultValue("auto") Type type,
        @DefaultValue("agent-tasks") String name,
        @DefaultValue("bull") String prefix,
        @DefaultValue("3") int attempts,
        @DefaultValue("5s") Duration backoff,
        @DefaultValue("exponential") BackoffType backoffType,
        @DefaultValue("1000") int keepCompleted,
        @DefaultValue("5000") int keepFailed) {

    /** Which queue. */
    public enum Type {
        /** Redis when a connection is configured, else in memory. */
        AUTO,
        /** In this process: not durable. */
        IN_MEMORY,
        /** Redis, BullMQ 6.x compatible. */
        REDIS
    }

    /** How the retry delay grows. */
    public enum BackoffType {
        /** The same delay before every retry. */
        FIXED,
        /** The delay doubles after every failed attempt. */
        EXPONENTIAL
    }
}
