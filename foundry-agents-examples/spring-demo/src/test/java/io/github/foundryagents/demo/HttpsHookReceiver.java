package io.github.foundryagents.demo;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A webhook receiver on https://localhost with a certificate made for this run by the JDK's keytool, and a trust
 * store holding that certificate for the application's SSL bundle. Records every delivery.
 */
final class HttpsHookReceiver implements AutoCloseable {

    static final String PASSWORD = "changeit";

    record Delivery(String path, String timestamp, String signature, String deliveryId, byte[] body) {
    }

    private final HttpsServer server;
    private final Path trustStore;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    HttpsHookReceiver(Path dir) throws Exception {
        Path keyStore = dir.resolve("hooks.p12");
        trustStore = dir.resolve("hooks-trust.p12");
        Path cert = dir.resolve("hooks.crt");
        keytool("-genkeypair", "-alias", "hooks", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "hooks", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "hooks", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), h.getFirst(WebhookNotifier.TIMESTAMP_HEADER),
                    h.getFirst(WebhookNotifier.SIGNATURE_HEADER), h.getFirst(WebhookNotifier.DELIVERY_HEADER), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** @return the URL of a hook on this receiver */
    String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    /** @return the trust store (PKCS12, password {@value #PASSWORD}) holding the receiver's certificate */
    Path trustStore() {
        return trustStore;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
