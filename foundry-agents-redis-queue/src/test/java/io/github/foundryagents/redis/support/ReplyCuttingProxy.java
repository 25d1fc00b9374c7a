package io.github.foundryagents.redis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of a real Redis that can lose the reply to one command: the command reaches Redis and
 * runs, then the connection drops before the client reads the answer — what a client sees when Redis restarts
 * or the network breaks at the wrong moment. The drop is a clean close (the client's driver re-sends the
 * command after reconnecting) or a reset (the command fails with an I/O error). Thread-safe.
 */
public final class ReplyCuttingProxy implements AutoCloseable {

    /** How the connection ends when the reply is dropped. */
    public enum Cut {
        /** FIN: the driver sees the connection close and re-sends what was in flight. */
        CLOSE,
        /** RST: the command in flight fails with "connection reset". */
        RESET
    }

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicReference<byte[]> marker = new AtomicReference<>();
    private final AtomicReference<Cut> cut = new AtomicReference<>(Cut.CLOSE);
    private final AtomicInteger dropped = new AtomicInteger();

    /**
     * @param targetPort the Redis port on 127.0.0.1
     */
    public ReplyCuttingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "reply-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return {@code redis://127.0.0.1:<proxy port>} */
    public String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Arms the proxy: the next command whose bytes contain {@code text} reaches Redis, and its reply is lost.
     *
     * @param text a string unique to the command
     * @param how how the connection ends
     */
    public void loseReplyTo(String text, Cut how) {
        cut.set(how);
        marker.set(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return how many replies were lost so far */
    public int dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket("127.0.0.1", targetPort);
                Connection c = new Connection(client, redis);
                daemon(c::clientToRedis);
                daemon(c::redisToClient);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "reply-cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private final class Connection {
        private final Socket client;
        private final Socket redis;
        private volatile boolean cutNextReply;

        Connection(Socket client, Socket redis) {
            this.client = client;
            this.redis = redis;
        }

        void clientToRedis() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = redis.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    byte[] m = marker.get();
                    if (m != null && contains(buf, n, m) && marker.compareAndSet(m, null)) {
                        cutNextReply = true;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            }
            closeBoth();
        }

        void redisToClient() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = redis.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (cutNextReply) {
                        dropped.incrementAndGet();
                        if (cut.get() == Cut.RESET) {
                            client.setSoLinger(true, 0);
                        }
                        break;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            }
            closeBoth();
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                redis.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static boolean contains(byte[] buf, int length, byte[] m) {
        outer:
        for (int i = 0; i + m.length <= length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (buf[i + j] != m[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
