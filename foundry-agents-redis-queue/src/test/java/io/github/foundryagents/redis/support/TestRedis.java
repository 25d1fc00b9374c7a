package io.github.foundryagents.redis.support;

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
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The real Redis every test of this module uses: {@code REDIS_URL} when set, else the local server on
 * 127.0.0.1:6379 when it answers PING, else a redis-server binary started from the embedded-redis artifact.
 * Never an imitation, never a skip. Tests isolate themselves with a unique queue name each.
 */
public final class TestRedis {

    private static String url;
    private static RedisServer embedded;
    private static RedisClient client;

    private TestRedis() {
    }

    /** @return the URL of the Redis under test */
    public static synchronized String url() {
        if (url == null) {
            String env = System.getenv("REDIS_URL");
            if (env != null && !env.isBlank()) {
                url = env;
            } else if (answersPing("127.0.0.1", 6379)) {
                url = "redis://127.0.0.1:6379";
            } else {
                url = startEmbedded();
            }
        }
        return url;
    }

    /** @return a shared client; do not shut it down */
    public static synchronized RedisClient client() {
        if (client == null) {
            client = RedisClient.create(url());
            Runtime.getRuntime().addShutdownHook(new Thread(client::shutdown));
        }
        return client;
    }

    /** @return a queue name no other test uses */
    public static String uniqueQueue(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes every key of a queue. */
    public static void deleteQueue(String prefix, String queue) {
        try (StatefulRedisConnection<String, String> c = client().connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(prefix + ":" + queue + ":*").limit(1000))
                    .forEachRemaining(keys::add);
            for (int i = 0; i < keys.size(); i += 500) {
                c.sync().del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
            }
        }
    }

    /** @return a TCP port that was free a moment ago */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean answersPing(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        int port = freePort();
        try {
            embedded = new RedisServer(port);
            embedded.start();
        } catch (IOException e) {
            throw new UncheckedIOException("no Redis at REDIS_URL or 127.0.0.1:6379, and the embedded redis-server"
                    + " did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.stop();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        return "redis://127.0.0.1:" + port;
    }
}
