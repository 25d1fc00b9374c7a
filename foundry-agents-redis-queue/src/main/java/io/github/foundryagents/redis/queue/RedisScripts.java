package io.github.foundryagents.redis.queue;

import io.github.foundryagents.redis.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * The queue's Lua scripts (ours, written from BullMQ 6.7.0's behaviour): each is {@code common.lua} plus its own
 * body, run as a {@link LuaScript}.
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

    private final LuaScript script;

    RedisScripts(String file, ScriptOutputType output) {
        this.script = new LuaScript(resource("common.lua") + "\n" + resource(file), output);
    }

    /**
     * Runs the script synchronously. The queue's keys are built inside the script from the prefix (first
     * argument), so on a cluster every key of the queue must share a hash tag; the first key routes the call.
     */
    <T> T run(RedisCommands<String, String> redis, String routingKey, String... args) {
        return script.run(redis, new String[] {routingKey}, args);
    }

    /** Runs the script asynchronously, pipelined with other commands on the connection (see LuaScript). */
    <T> CompletionStage<T> runAsync(StatefulRedisConnection<String, String> connection, String routingKey,
            String... args) {
        return script.runAsync(connection, new String[] {routingKey}, args);
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
}
