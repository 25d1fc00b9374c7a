package io.github.foundryagents.core.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address chosen in advance: the TCP connection goes to the checked address, while
 * TLS still sends the URL's host as SNI and verifies the certificate against it. Redirects are never
 * followed; the whole exchange has one deadline. Thread-safe.
 */
final class PinnedHttpPost {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "foundry-webhook-deadline");
        t.setDaemon(true);
        return t;
    });
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final SSLSocketFactory tls;

    PinnedHttpPost(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /**
     * @return the response status code
     * @throws SocketTimeoutException when the deadline passes
     * @throws IOException when the connection fails or the response is not HTTP
     */
    int post(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        Socket raw = new Socket();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(raw), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try (raw) {
            raw.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
            raw.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            Socket socket = https ? secure(raw, host, port) : raw;
            OutputStream out = socket.getOutputStream();
            out.write(head(url, host, port, https, headers, body.length));
            out.write(body);
            out.flush();
            return readStatus(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            if (deadline.isDone()) {
                throw new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private Socket secure(Socket raw, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.]+|.*:.*")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] head(URI url, String host, int port, boolean https, Map<String, String> headers,
            int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
        StringBuilder sb = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("response status line too long");
            }
            line.write(c);
        }
        String status = line.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: '" + (status.length() > 40 ? status.substring(0, 40)
                    : status) + "'");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: '" + status + "'", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the deadline passed; the caller reports the timeout
        }
    }
}
