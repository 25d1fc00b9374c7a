package io.github.foundryagents.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script of this module, run by its SHA-1 ({@code EVALSHA}) and sent in full ({@code EVAL}) only when the
 * server does not know it yet: first use, after a restart or a {@code SCRIPT FLUSH}. Shared by the module's
 * queue and stores; not meant for application code. Immutable and thread-safe.
 */
public final class LuaScript {

    private final String body;
    private final String sha;
    private final ScriptOutputType output;

    /**
     * @param body the script
     * @param output how Lettuce decodes its reply
     */
    public LuaScript(String body, ScriptOutputType output) {
        this.body = Objects.requireNonNull(body, "body");
        this.output = Objects.requireNonNull(output, "output");
        this.sha = sha1(body);
    }

    /**
     * Runs the script and waits for its reply.
     *
     * @param redis the connection's commands
     * @param keys the keys it declares (on a cluster they must share a slot; the first routes the call)
     * @param args its arguments
     * @param <T> the reply type for the output type
     * @return the reply
     */
    public <T> T run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(body, output, keys, args);
        }
    }

    /**
     * Runs the script without waiting, pipelined with other commands on the connection. Works on connections
     * with auto-flush off too: the fallback {@code EVAL} after a NOSCRIPT reply is flushed at once.
     *
     * @param connection the connection
     * @param keys the keys it declares
     * @param args its arguments
     * @param <T> the reply type for the output type
     * @return the reply, when it arrives
     */
    public <T> CompletionStage<T> runAsync(StatefulRedisConnection<String, String> connection, String[] keys,
            String... args) {
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

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
