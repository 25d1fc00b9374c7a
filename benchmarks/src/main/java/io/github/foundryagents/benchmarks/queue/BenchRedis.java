package io.github.foundryagents.benchmarks.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.RedisServer;

/**
 * The Redis both queues are measured on: {@code REDIS_URL} when set, else 127.0.0.1:6379 when it answers, else
 * a redis-server started from the embedded-redis artifact for the run. Not thread-safe.
 */
final class BenchRedis implements AutoCloseable {

    private final String url;
    private final String where;
    private final RedisServer embedded;

    private BenchRedis(String url, String where, RedisServer embedded) {
        this.url = url;
        this.where = where;
        this.embedded = embedded;
    }

    static BenchRedis resolve() throws IOException {
        String env = System.getenv("REDIS_URL");
        if (env != null && !env.isBlank()) {
            return new BenchRedis(env, "REDIS_URL", null);
        }
        if (answersPing(6379)) {
            return new BenchRedis("redis://127.0.0.1:6379", "local Redis 127.0.0.1:6379", null);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer server = new RedisServer(port);
        server.start();
        return new BenchRedis("redis://127.0.0.1:" + port, "embedded redis-server", server);
    }

    String url() {
        return url;
    }

    /** @return where the Redis came from, without credentials */
    String where() {
        return where;
    }

    /** Deletes every key of a queue (BullMQ's default prefix). */
    static void deleteQueue(RedisClient client, String queue) {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(c.sync(), ScanArgs.Builder.matches("bull:" + queue + ":*").limit(5000))
                    .forEachRemaining(keys::add);
            for (int i = 0; i < keys.size(); i += 1000) {
                c.sync().unlink(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
            }
        }
    }

    private static boolean answersPing(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
