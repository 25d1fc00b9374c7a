package io.github.foundryagents.redis.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process of the test's own, for tests that must stop and restart Redis: the machine's
 * {@code redis-server} when installed, else the real binary shipped in the embedded-redis artifact. It persists
 * with {@code appendonly yes} into its own directory, so a restart on the same port and directory brings the
 * data back, as in production. Not thread-safe.
 */
public final class OwnRedisServer implements AutoCloseable {

    private static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/redis-server"),
            Path.of("/usr/local/bin/redis-server"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String binary;
    private final int port;
    private final Path dir;
    private Process process;

    private OwnRedisServer(String binary, int port, Path dir) {
        this.binary = binary;
        this.port = port;
        this.dir = dir;
    }

    /** @return a started server with append-only persistence on a free port */
    public static OwnRedisServer startWithAppendOnly() {
        try {
            OwnRedisServer server = new OwnRedisServer(binary(), TestRedis.freePort(),
                    Files.createTempDirectory("redis-aof"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binary() throws IOException {
        for (Path p : INSTALLED) {
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
    }

    /** @return {@code redis://127.0.0.1:<port>} */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** Starts the server and waits until it answers PING (after loading its append-only file). */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is running already");
        }
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
                    "--maxmemory-policy", "noeviction")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!TestRedis.answersPing("127.0.0.1", port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not come up: " + log());
            }
            sleep(20);
        }
    }

    /**
     * Shuts the server down the way an operator does ({@code SHUTDOWN}: the append-only file is flushed), and
     * waits for the process to exit.
     */
    public void shutdown() {
        try (var client = io.lettuce.core.RedisClient.create(url()); var c = client.connect()) {
            c.sync().shutdown(false);
        } catch (RuntimeException e) {
            // SHUTDOWN closes the connection without a reply; the process exit below is what counts
        }
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not shut down: " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the server's log, for failure messages */
    public String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        File[] files = dir.toFile().listFiles();
        if (files != null) {
            for (File f : files) {
                deleteTree(f);
            }
        }
        dir.toFile().delete();
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
