package io.github.foundryagents.redis.queue;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The queue's Lua scripts (ours, written from BullMQ 6.7.0's behaviour): each is {@code common.lua} plus its own
 * body, run with EVALSHA and sent in full (EVAL) when the server does not know it yet, e.g. after a restart.
 * Immutable and thread-safe.
 */
enum RedisScripts {
    ADD("add.lua", ScriptOutputType.MULTI),
    MOVE_TO_ACTIVE("moveToActive.lua", ScriptOutputType.MULTI),
    FINISH("finish.lua", ScriptOutputType.MULTI),
    RETRY("retry.lua", ScriptOutputType.INTEGER),
    EXTEND_LOCKS("extendLocks.lua", ScriptOutputType.MULTI),
    STALLED("stalled.lua", ScriptOutputType.MULTI),
    PROGRESS("progress.lua", ScriptOutputType.INTEGER),
    INSPECT("inspect.lua", ScriptOutputType.MULTI);

    private final String body;
    private final String sha;
    private final ScriptOutputType output;

    RedisScripts(String file, ScriptOutputType output) {
        this.body = resource("common.lua") + "\n" + resource(file);
        this.sha = sha1(body);
        this.output = output;
    }

    /**
     * Runs the script synchronously. The queue's keys are built inside the script from the prefix (first
     * argument), so on a cluster every key of the queue must share a hash tag; the first key routes the call.
     */
    <T> T run(RedisCommands<String, String> redis, String routingKey, String... args) {
        String[] keys = {routingKey};
        try {
            return redis.evalsha(sha, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(body, output, keys, args);
        }
    }

    /**
     * Runs the script asynchronously, pipelined with other commands on the connection. Works on connections
     * with auto-flush off too: the fallback EVAL after a NOSCRIPT reply is flushed at once.
     */
    <T> CompletionStage<T> runAsync(StatefulRedisConnection<String, String> connection, String routingKey,
            String... args) {
        String[] keys = {routingKey};
        CompletionStage<T> first = connection.async().evalsha(sha, output, keys, args);
        return first.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof RedisNoScriptException) {
                CompletionStage<T> retry = connection.async().<T>eval(body, output, keys, args);
                connection.flushCommands();
                return retry.toCompletableFuture();
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(stage -> stage);
    }

    private static String resource(String name) {
        try (InputStream in = RedisScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
