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
 * <p>Thread-safe: one instance per queue and process; it multiplexes one connection, opens a second one for bulk
 * adds on first use, and each worker adds one blocking connection.
 */
public final class RedisTaskQueue implements TaskQueue {

    /** Jobs per script call in {@link #addBulk}: enough to save round trips, few enough to keep Redis responsive. */
    static final int BULK_JOBS_PER_CALL = 100;
    private static final long BULK_BYTES_PER_CALL = 1 << 20;

    /** BullMQ's default key prefix. */
    public static final String DEFAULT_PREFIX = "bull";

    private final RedisClient client;
    private final boolean ownsClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Object bulkLock = new Object();
    private StatefulRedisConnection<String, String> bulkConnection;
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
        List<Object> ids = RedisScripts.ADD.run(redis, keys.meta(), addArgs(List.of(job)));
        return String.valueOf(ids.get(0));
    }

    /**
     * Adds every job, in order, the way BullMQ's {@code addBulk} pipelines them, with fewer round trips: each
     * script call adds up to {@value #BULK_JOBS_PER_CALL} jobs (fewer when their data passes 1 MiB), each exactly as {@link #add} would (same keys,
     * fields and events), and the calls are written to a connection reserved for bulk adds and flushed together,
     * then the replies are awaited. Every call is atomic; a failure part-way leaves the earlier calls' jobs
     * queued.
     */
    @Override
    public List<String> addBulk(List<NewJob> jobs) {
        jobs.forEach(j -> JobPayloadTooLargeException.check(j, maxPayloadBytes));
        List<CompletableFuture<List<Object>>> pending = new ArrayList<>();
        synchronized (bulkLock) {
            StatefulRedisConnection<String, String> bulk = bulkConnection();
            try {
                for (List<NewJob> chunk : chunks(jobs)) {
                    pending.add(RedisScripts.ADD.<List<Object>>runAsync(bulk, keys.meta(), addArgs(chunk))
                            .toCompletableFuture());
                }
            } finally {
                bulk.flushCommands();
            }
        }
        List<String> ids = new ArrayList<>(jobs.size());
        try {
            for (CompletableFuture<List<Object>> f : pending) {
                f.join().forEach(id -> ids.add(String.valueOf(id)));
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return ids;
    }

    /** Splits a bulk add into script calls of at most {@value #BULK_JOBS_PER_CALL} jobs and about 1 MiB of data. */
    private static List<List<NewJob>> chunks(List<NewJob> jobs) {
        List<List<NewJob>> chunks = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < jobs.size(); i++) {
            bytes += jobs.get(i).dataJson().length();
            if (i + 1 - from == BULK_JOBS_PER_CALL || bytes >= BULK_BYTES_PER_CALL || i + 1 == jobs.size()) {
                chunks.add(jobs.subList(from, i + 1));
                from = i + 1;
                bytes = 0;
            }
        }
        return chunks;
    }

    /** The bulk-add connection, opened on first use; auto-flush is off, so nothing else may use it. */
    private StatefulRedisConnection<String, String> bulkConnection() {
        if (bulkConnection == null) {
            bulkConnection = client.connect();
            bulkConnection.setAutoFlushCommands(false);
        }
        return bulkConnection;
    }

    /** The add script's arguments: the prefix, then 8 values per job. */
    private String[] addArgs(List<NewJob> jobs) {
        String[] args = new String[1 + jobs.size() * 8];
        args[0] = keys.base();
        String now = Long.toString(System.currentTimeMillis());
        int i = 1;
        for (NewJob job : jobs) {
            JobOptions o = job.options();
            String jobId = o.jobId().orElse(null);
            args[i++] = jobId == null ? "" : jobId;
            args[i++] = job.name();
            args[i++] = job.dataJson();
            args[i++] = BullJobCodec.encodeOptions(o, jobId);
            args[i++] = now;
            args[i++] = Long.toString(o.delay().toMillis());
            args[i++] = Integer.toString(o.priority());
            args[i++] = o.lifo() ? "1" : "0";
        }
        return args;
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
        synchronized (bulkLock) {
            if (bulkConnection != null) {
                bulkConnection.close();
            }
        }
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

        /**
         * @param client a Lettuce client (not shut down by the queue)
         * @return this builder
         */
        public Builder client(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param url {@code redis://…} or {@code rediss://…}; the queue owns the client it creates
         * @return this
         */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param queue the queue's name, as Node's {@code new Queue(name)}; required
         * @return this builder
         */
        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        /**
         * @param prefix the key prefix; default {@value #DEFAULT_PREFIX}
         * @return this builder
         */
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

        /**
         * @param maxPayloadBytes largest job data, default 1 MiB
         * @return this builder
         */
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
