package io.github.foundryagents.redis.queue;

import io.github.foundryagents.core.tasks.JobHandler;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.JobPayloadTooLargeException;
import io.github.foundryagents.core.tasks.JobSnapshot;
import io.github.foundryagents.core.tasks.NewJob;
import io.github.foundryagents.core.tasks.QueueWorker;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.RedisConnections;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A durable {@link TaskQueue} in Redis, wire-compatible with BullMQ 6.x (tested against bullmq 6.7.0): the same
 * keys, job hash, option names, scores, marker, events stream, locks and stalled-job recovery, so Node BullMQ
 * producers, workers and dashboards share queues with Java ones. Every state change is one atomic Lua script of
 * ours. See docs/tasks.md for the layout and the Redis Cluster hash-tag rule.
 *
 * <pre>{@code
 * try (RedisTaskQueue queue = RedisTaskQueue.builder().client(RedisConnections.fromEnvironment())
 *         .queue("agent-tasks").build()) { … }
 * }</pre>
 *
 * <p>Thread-safe: one instance per queue and process; it multiplexes one connection, and each worker adds one
 * blocking connection.
 */
public final class RedisTaskQueue implements TaskQueue {

    /** BullMQ's default key prefix. */
    public static final String DEFAULT_PREFIX = "bull";

    private final RedisClient client;
    private final boolean ownsClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> async;
    private final QueueKeys keys;
    private final int maxPayloadBytes;

    private RedisTaskQueue(Builder b) {
        this.keys = new QueueKeys(b.prefix, Objects.requireNonNull(b.queue, "queue name is required: .queue(...)"));
        if (b.cluster) {
            keys.requireHashTag();
        }
        this.ownsClient = b.client == null;
        this.client = b.client != null ? b.client : RedisConnections.client(
                Objects.requireNonNull(b.url, "set .client(...) or .url(...)"), null);
        this.connection = client.connect();
        this.redis = connection.sync();
        this.async = connection.async();
        this.maxPayloadBytes = b.maxPayloadBytes;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return keys.queue();
    }

    /** @return the key prefix ({@value #DEFAULT_PREFIX} unless set) */
    public String prefix() {
        return keys.prefix();
    }

    @Override
    public String add(NewJob job) {
        JobPayloadTooLargeException.check(job, maxPayloadBytes);
        return RedisScripts.ADD.run(redis, keys.meta(), addArgs(job));
    }

    /** Adds every job in one pipelined burst: one network flush, replies awaited together. */
    @Override
    public List<String> addBulk(List<NewJob> jobs) {
        jobs.forEach(j -> JobPayloadTooLargeException.check(j, maxPayloadBytes));
        List<CompletableFuture<String>> pending = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            pending.add(RedisScripts.ADD.<String>runAsync(async, keys.meta(), addArgs(job)).toCompletableFuture());
        }
        List<String> ids = new ArrayList<>(jobs.size());
        try {
            for (CompletableFuture<String> f : pending) {
                ids.add(f.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return ids;
    }

    private String[] addArgs(NewJob job) {
        JobOptions o = job.options();
        String jobId = o.jobId().orElse(null);
        return new String[] {keys.base(), jobId == null ? "" : jobId, job.name(), job.dataJson(),
            BullJobCodec.encodeOptions(o, jobId), Long.toString(System.currentTimeMillis()),
            Long.toString(o.delay().toMillis()), Integer.toString(o.priority()), o.lifo() ? "1" : "0"};
    }

    @Override
    public Optional<JobSnapshot> getJob(String id) {
        List<Object> reply = RedisScripts.INSPECT.run(redis, keys.meta(), keys.base(), id);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BullJobCodec.snapshot(id, String.valueOf(reply.get(0)),
                BullJobCodec.hash((List<?>) reply.get(1))));
    }

    /** @return how many jobs are in each state */
    public QueueCounts counts() {
        return new QueueCounts(redis.llen(keys.key("wait")), redis.zcard(keys.key("prioritized")),
                redis.zcard(keys.key("delayed")), redis.llen(keys.key("active")), redis.zcard(keys.key("completed")),
                redis.zcard(keys.key("failed")));
    }

    /** @return the completed and failed jobs still kept, oldest first within each set */
    public List<JobSnapshot> finishedJobs() {
        List<JobSnapshot> jobs = new ArrayList<>();
        for (String set : List.of("completed", "failed")) {
            for (String id : redis.zrange(keys.key(set), 0, -1)) {
                getJob(id).ifPresent(jobs::add);
            }
        }
        return jobs;
    }

    @Override
    public Worker createWorker(JobHandler handler, WorkerOptions options) {
        return QueueWorker.start(new RedisWorkerBackend(client, redis, keys, options), handler, options,
                "redis-queue-" + keys.queue());
    }

    /**
     * Sets a rate limit for every worker of the queue, Node ones included (BullMQ's
     * {@code Queue.setGlobalRateLimit}); it takes precedence over the workers' own limiter maximum.
     *
     * @param limit jobs per window
     */
    public void setGlobalRateLimit(RateLimit limit) {
        redis.hset(keys.meta(), java.util.Map.of("max", Integer.toString(limit.max()), "duration",
                Long.toString(limit.duration().toMillis())));
    }

    /** Removes the global rate limit. */
    public void removeGlobalRateLimit() {
        redis.hdel(keys.meta(), "max", "duration");
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown();
        }
    }

    @Override
    public String toString() {
        return "RedisTaskQueue{" + keys.base() + '}';
    }

    /**
     * Builds a {@link RedisTaskQueue}. Not thread-safe.
     */
    public static final class Builder {
        private RedisClient client;
        private String url;
        private String queue;
        private String prefix = DEFAULT_PREFIX;
        private boolean cluster;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;

        private Builder() {
        }

        /** @param client a Lettuce client (not shut down by the queue) @return this builder */
        public Builder client(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @param url {@code redis://…} or {@code rediss://…}; the queue owns the client it creates @return this */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** @param queue the queue's name, as Node's {@code new Queue(name)}; required @return this builder */
        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        /** @param prefix the key prefix; default {@value #DEFAULT_PREFIX} @return this builder */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * @param cluster {@code true} on Redis Cluster: the queue name or prefix must carry a hash tag
         * @return this builder
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /** @param maxPayloadBytes largest job data, default 1 MiB @return this builder */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            if (maxPayloadBytes < 1) {
                throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
            }
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** @return the queue, connected */
        public RedisTaskQueue build() {
            return new RedisTaskQueue(this);
        }
    }
}
