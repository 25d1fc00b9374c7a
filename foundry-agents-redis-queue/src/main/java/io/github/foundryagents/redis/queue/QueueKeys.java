package io.github.foundryagents.redis.queue;

import java.util.Objects;

/**
 * BullMQ's key names for one queue: {@code {prefix}:{queue}:{suffix}}, job hashes at {@code {prefix}:{queue}:{id}}.
 * On Redis Cluster every key a script touches must hash to one slot, so the prefix or the queue name must carry
 * a hash tag ({@code {…}}); {@link #requireHashTag()} checks it. Immutable.
 *
 * @param prefix the key prefix, BullMQ's default {@code bull}
 * @param queue the queue name
 */
record QueueKeys(String prefix, String queue) {

    QueueKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(queue, "queue");
        if (prefix.isEmpty() || queue.isEmpty()) {
            throw new IllegalArgumentException("prefix and queue name must not be empty");
        }
        if (queue.contains(":")) {
            throw new IllegalArgumentException("queue name '" + queue + "' must not contain ':' (BullMQ splits keys"
                    + " on it)");
        }
    }

    /** @return the common start of every key of the queue, ending with ':' */
    String base() {
        return prefix + ":" + queue + ":";
    }

    String key(String suffix) {
        return base() + suffix;
    }

    /** @return the marker key, which blocked workers wait on */
    String marker() {
        return key("marker");
    }

    /** @return the meta key, which routes every script call */
    String meta() {
        return key("meta");
    }

    void requireHashTag() {
        if (!hasTag(prefix) && !hasTag(queue)) {
            throw new IllegalArgumentException("On Redis Cluster the keys of queue '" + queue + "' must share a hash"
                    + " slot: put a hash tag in the queue name (e.g. '{" + queue + "}') or in the prefix (e.g. '{"
                    + prefix + "}'). Use a different tag per queue to spread queues over the shards");
        }
    }

    private static boolean hasTag(String s) {
        int open = s.indexOf('{');
        int close = open < 0 ? -1 : s.indexOf('}', open + 1);
        return open >= 0 && close > open + 1;
    }
}
