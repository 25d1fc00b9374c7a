package io.github.foundryagents.redis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.redis.LuaScript;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A durable {@link TaskStore} in Redis for multi-instance deployments. Each task is a hash
 * {@code {prefix}:task:{id}} with {@code status}, {@code version} and the record as JSON; each owner has an index
 * {@code {prefix}:owner:{owner}} (sorted by creation time). Transitions are compare-and-set Lua scripts that
 * refuse to leave a terminal status, so concurrent or re-delivered workers cannot move a task backwards and a
 * terminal status is written exactly once. Every write carries an operation id, so one whose reply was lost
 * (Redis restarting, a network cut) and that is sent again is recognised as applied, neither lost nor repeated.
 * Finished tasks expire after {@code retention} (default 30 days). Thread-safe.
 */
public final class RedisTaskStore implements TaskStore, AutoCloseable {

    // Each write carries an operation id (ARGV "op"), stored with the record: a write that Redis applied but whose
    // reply was lost (restart, network cut) is re-sent by the driver or by us, and recognised as applied.
    private static final LuaScript CREATE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              if redis.call('HGET', KEYS[1], 'op') == ARGV[5] then return 1 end
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'version', 1, 'json', ARGV[2], 'op', ARGV[5])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            return 1""", ScriptOutputType.INTEGER);
    private static final LuaScript TRANSITION = new LuaScript("""
            local current = redis.call('HMGET', KEYS[1], 'status', 'version', 'op')
            if not current[1] then return -1 end
            if current[3] == ARGV[5] then return 1 end
            if current[1] == 'completed' or current[1] == 'failed' then return 0 end
            if current[2] ~= ARGV[1] then return -2 end
            redis.call('HSET', KEYS[1], 'status', ARGV[2], 'version', tonumber(ARGV[1]) + 1, 'json', ARGV[3],
              'op', ARGV[5])
            if ARGV[2] == 'completed' or ARGV[2] == 'failed' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            return 1""", ScriptOutputType.INTEGER);
    private static final int WRITE_ATTEMPTS = 8;
    private static final Duration MAX_WRITE_BACKOFF = Duration.ofSeconds(4);

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final Duration retention;

    /**
     * @param client a Lettuce client (not shut down by the store)
     * @param prefix key prefix, e.g. {@code foundry}; on Redis Cluster tasks spread over slots (each script
     *     touches one task and its owner index only at creation, so give both a shared tag if needed)
     * @param retention how long finished tasks are kept
     */
    public RedisTaskStore(RedisClient client, String prefix, Duration retention) {
        this.connection = client.connect();
        this.redis = connection.sync();
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /**
     * @param client a Lettuce client
     * @return a store with prefix {@code foundry} and 30 days' retention of finished tasks
     */
    public static RedisTaskStore create(RedisClient client) {
        return new RedisTaskStore(client, "foundry", Duration.ofDays(30));
    }

    @Override
    public void create(TaskRecord task) {
        Long created = write(CREATE, new String[] {taskKey(task.id()), ownerKey(task.owner())},
                task.status().wireName(), json(task), Long.toString(task.createdAt().toEpochMilli()), task.id(),
                operationId());
        if (created == null || created == 0) {
            throw new IllegalStateException("task " + task.id() + " exists already");
        }
    }

    @Override
    public Optional<TaskRecord> get(String id) {
        return Optional.ofNullable(redis.hget(taskKey(id), "json")).map(RedisTaskStore::parse);
    }

    @Override
    public List<TaskRecord> listByOwner(String owner, int limit) {
        List<TaskRecord> out = new ArrayList<>();
        for (String id : redis.zrevrange(ownerKey(owner), 0, Math.max(0, limit - 1))) {
            get(id).filter(t -> t.owner().equals(owner)).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<TaskRecord> markProcessing(String id, Instant at) {
        return transition(id, t -> t.processing(at));
    }

    @Override
    public Optional<TaskRecord> markCompleted(String id, TaskResult result, Instant at) {
        return transition(id, t -> t.completed(result, at));
    }

    @Override
    public Optional<TaskRecord> markFailed(String id, String error, Instant at) {
        return transition(id, t -> t.failed(error, at));
    }

    /** Read, change, compare-and-set on the version; retried when another writer came first. */
    private Optional<TaskRecord> transition(String id, UnaryOperator<TaskRecord> change) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> current = redis.hmget(taskKey(id), "version", "json").stream()
                    .map(kv -> kv.getValueOrElse(null)).toList();
            if (current.get(1) == null) {
                return Optional.empty();
            }
            TaskRecord before = parse(current.get(1));
            if (before.status().isTerminal()) {
                return Optional.empty();
            }
            TaskRecord after = change.apply(before);
            Long result = write(TRANSITION, new String[] {taskKey(id)}, current.get(0), after.status().wireName(),
                    json(after), Long.toString(retention.toMillis()), operationId());
            if (result == 1) {
                return Optional.of(after);
            }
            if (result == 0 || result == -1) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("task " + id + " is being changed by too many writers at once");
    }

    /**
     * Runs a write script, sending it again with the same operation id when the connection failed: the script
     * then reports a write that Redis had applied as applied, so a lost reply neither loses nor repeats it.
     */
    private Long write(LuaScript script, String[] keys, String... args) {
        for (int attempt = 1; ; attempt++) {
            try {
                return script.run(redis, keys, args);
            } catch (RedisException e) {
                if (!retryable(e) || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Connection failures, timeouts and a Redis still loading its data are worth another try. */
    private static boolean retryable(RedisException e) {
        return e instanceof RedisLoadingException || e instanceof RedisBusyException
                || !(e instanceof RedisCommandExecutionException);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(MAX_WRITE_BACKOFF.toMillis(), 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while retrying a task store write", e);
        }
    }

    private static String operationId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        connection.close();
    }

    private String taskKey(String id) {
        return prefix + ":task:" + id;
    }

    private String ownerKey(String owner) {
        return prefix + ":owner:" + owner;
    }

    private static String json(TaskRecord task) {
        try {
            return Json.mapper().writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write task " + task.id(), e);
        }
    }

    private static TaskRecord parse(String json) {
        try {
            return Json.mapper().readValue(json, TaskRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
