package io.github.foundryagents.redis.queue;

import io.github.foundryagents.core.tasks.ActiveJob;
import io.github.foundryagents.core.tasks.Claim;
import io.github.foundryagents.core.tasks.JobFailure;
import io.github.foundryagents.core.tasks.JobLockLostException;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.WorkerBackend;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.UnblockType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker's view of a Redis queue: our Lua scripts over the queue's shared connection, plus a connection of
 * its own for {@code BZPOPMIN} on the marker (a blocking command would stall the shared one). Named like a
 * BullMQ worker's blocking connection so {@code Queue.getWorkers()} lists it. Thread-safe.
 */
final class RedisWorkerBackend implements WorkerBackend {

    /** Stack traces kept per job, newest last. */
    static final int STACK_TRACE_LIMIT = 10;

    private final RedisCommands<String, String> redis;
    private final QueueKeys keys;
    private final String base;
    private final String lockMs;
    private final String limiterMax;
    private final String limiterMs;
    private final String workerName;
    private final StatefulRedisConnection<String, String> blocking;
    private volatile long blockingClientId;

    RedisWorkerBackend(RedisClient client, RedisCommands<String, String> redis, QueueKeys keys,
            WorkerOptions options) {
        this.redis = redis;
        this.keys = keys;
        this.base = keys.base();
        this.lockMs = Long.toString(options.lockDuration().toMillis());
        RateLimit limit = options.limiter().orElse(null);
        this.limiterMax = limit == null ? "" : Integer.toString(limit.max());
        this.limiterMs = limit == null ? "" : Long.toString(limit.duration().toMillis());
        this.workerName = options.name().orElse("");
        this.blocking = client.connect();
        String queueName = Base64.getEncoder().encodeToString(keys.queue().getBytes(StandardCharsets.UTF_8));
        String clientName = keys.prefix() + ":" + queueName;
        if (blocking instanceof StatefulRedisConnectionImpl<String, String> impl) {
            impl.setClientName(clientName); // kept in the connection state: Lettuce names it again on reconnect
        } else {
            blocking.sync().clientSetname(clientName);
        }
        this.blockingClientId = blocking.sync().clientId();
    }

    @Override
    public Claim moveToActive(String lockToken) {
        List<Object> reply = RedisScripts.MOVE_TO_ACTIVE.run(redis, keys.meta(), base, now(), lockToken, lockMs,
                limiterMax, limiterMs, workerName);
        return claimOf(reply, lockToken);
    }

    @Override
    public Claim complete(ActiveJob job, String returnValueJson, boolean fetchNext, String nextLockToken) {
        KeepJobs keep = job.options().removeOnComplete();
        List<Object> reply = RedisScripts.FINISH.run(redis, keys.meta(), base, job.id(), job.lockToken(), now(),
                "completed", "returnvalue", returnValueJson, Integer.toString(keep.count()), age(keep),
                Integer.toString(job.options().attempts()), "", "0", fetchNext ? "1" : "0", nextLockToken, lockMs,
                limiterMax, limiterMs, workerName);
        return claimOf(check(job, reply), nextLockToken);
    }

    @Override
    public Claim fail(ActiveJob job, JobFailure failure, boolean fetchNext, String nextLockToken) {
        if (failure.willRetry()) {
            Long code = RedisScripts.RETRY.run(redis, keys.meta(), base, job.id(), job.lockToken(), now(),
                    Long.toString(failure.retryDelay().toMillis()), failure.reason(), failure.stackTrace(),
                    Integer.toString(STACK_TRACE_LIMIT), job.options().lifo() ? "1" : "0");
            check(job, code);
            return Claim.NONE;
        }
        KeepJobs keep = job.options().removeOnFail();
        List<Object> reply = RedisScripts.FINISH.run(redis, keys.meta(), base, job.id(), job.lockToken(), now(),
                "failed", "failedReason", failure.reason(), Integer.toString(keep.count()), age(keep),
                Integer.toString(job.options().attempts()), failure.stackTrace(),
                Integer.toString(STACK_TRACE_LIMIT), fetchNext ? "1" : "0", nextLockToken, lockMs, limiterMax,
                limiterMs, workerName);
        return claimOf(check(job, reply), nextLockToken);
    }

    @Override
    public void awaitWork(Duration timeout) {
        double seconds = Math.max(0.001, timeout.toMillis() / 1000.0);
        // The id changes when Lettuce reconnects (e.g. after a Redis restart); asking for it in the same flush
        // as the wait costs no round trip and keeps wakeUp() able to unblock this connection.
        RedisAsyncCommands<String, String> async = blocking.async();
        async.clientId().thenAccept(id -> blockingClientId = id);
        await(async.bzpopmin(seconds, keys.marker()), timeout.plus(blocking.getTimeout()));
    }

    private static void await(RedisFuture<?> future, Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RedisException(e.getCause());
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("BZPOPMIN got no answer within " + limit);
        }
    }

    @Override
    public void wakeUp() {
        try {
            redis.clientUnblock(blockingClientId, UnblockType.TIMEOUT);
        } catch (RuntimeException e) {
            // not blocked, or Redis unreachable: the blocked call ends by its own timeout
        }
    }

    @Override
    public List<String> extendLocks(Map<String, String> lockTokensByJobId, Duration lockDuration) {
        List<String> args = new ArrayList<>(2 + lockTokensByJobId.size() * 2);
        args.add(base);
        args.add(Long.toString(lockDuration.toMillis()));
        lockTokensByJobId.forEach((id, token) -> {
            args.add(id);
            args.add(token);
        });
        List<Object> lost = RedisScripts.EXTEND_LOCKS.run(redis, keys.meta(), args.toArray(String[]::new));
        return lost.stream().map(String::valueOf).toList();
    }

    @Override
    public Collection<String> recoverStalled(int maxStalledCount, Duration interval) {
        List<Object> moved = RedisScripts.STALLED.run(redis, keys.meta(), base, Integer.toString(maxStalledCount),
                now(), Long.toString(interval.toMillis()));
        return moved.stream().map(String::valueOf).toList();
    }

    @Override
    public void updateProgress(String jobId, String progressJson) {
        RedisScripts.PROGRESS.run(redis, keys.meta(), base, jobId, progressJson);
    }

    @Override
    public void close() {
        blocking.close();
    }

    private Claim claimOf(List<Object> reply, String token) {
        long kind = ((Number) reply.get(0)).longValue();
        if (kind == 1) {
            String id = String.valueOf(reply.get(1));
            return Claim.of(BullJobCodec.activeJob(id, BullJobCodec.hash((List<?>) reply.get(2)), token));
        }
        if (reply.size() < 3) {
            return Claim.NONE;
        }
        long ttl = ((Number) reply.get(1)).longValue();
        long nextDue = ((Number) reply.get(2)).longValue();
        return new Claim(null, Duration.ofMillis(Math.max(0, ttl)), nextDue > 0 ? Instant.ofEpochMilli(nextDue)
                : null);
    }

    private static List<Object> check(ActiveJob job, List<Object> reply) {
        check(job, ((Number) reply.get(0)).longValue());
        return reply;
    }

    private static void check(ActiveJob job, long code) {
        String detail = switch ((int) code) {
            case -1 -> "the job no longer exists";
            case -2 -> "its lock expired";
            case -3 -> "it is no longer active";
            case -6 -> "another worker holds its lock";
            default -> null;
        };
        if (detail != null) {
            throw new JobLockLostException(job.id(), detail);
        }
    }

    private static String age(KeepJobs keep) {
        return keep.maxAge() == null ? "" : Long.toString(keep.maxAge().toSeconds());
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }
}
