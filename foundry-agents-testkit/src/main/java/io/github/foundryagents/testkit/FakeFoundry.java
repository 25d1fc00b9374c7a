package io.github.foundryagents.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.testkit.agents.FakeAgentService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Azure OpenAI resource: an embedded HTTP server on the loopback interface that speaks Azure's chat
 * completions protocol ({@code /openai/v1/chat/completions} and
 * {@code /openai/deployments/{deployment}/chat/completions?api-version=...}) with Azure's JSON shapes, error
 * bodies and auth rules, and the Foundry Agent Service of one project ({@link #agents()}, at
 * {@link #projectEndpoint()}).
 *
 * <pre>{@code
 * try (FakeFoundry fake = FakeFoundry.start()) {
 *     fake.chat().enqueue(Reply.text("Hello"));
 *     AgentClient client = fake.client();
 *     client.complete("Hi");                       // "Hello"
 *     fake.journal().last().header("authorization"); // "Bearer fake-token"
 * }
 * }</pre>
 *
 * <p>Deployments {@code gpt-4o} and {@code gpt-4o-mini} exist by default; requests to others get Azure's 404
 * {@code DeploymentNotFound}. Each deployment runs under a {@link Quota} (TPM/RPM, answering 429 with Azure's
 * headers when spent), and {@link #faults()} injects resets, truncated bodies, delays and error statuses.
 * Thread-safe.
 */
public final class FakeFoundry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeFoundry.class);

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add about 40 ms to every loopback call. Read once by the JDK, so set before any server
        // starts; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> deployments = new ConcurrentHashMap<>();
    private final ChatScript chat = new ChatScript();
    private final Faults faults = new Faults();
    private final Map<String, QuotaLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Quota> configuredQuotas;
    private final Quota defaultQuota;
    private final RequestJournal journal = new RequestJournal();
    private final FakeAuth auth;
    private final ChatCompletionsHandler chatHandler;
    private final FakeAgentService agents = new FakeAgentService();

    private FakeFoundry(Builder b) {
        this.deployments.putAll(b.deployments);
        this.configuredQuotas = Map.copyOf(b.quotas);
        this.defaultQuota = b.defaultQuota;
        this.auth = new FakeAuth(b.requiredApiKey, b.requiredToken);
        this.chatHandler = new ChatCompletionsHandler(this);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-foundry-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** @return a fake on a random free port with the default deployments */
    public static FakeFoundry start() {
        return builder().start();
    }

    /** @return a builder to choose port, deployments and required credentials */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:54321}: use it as {@code AZURE_OPENAI_ENDPOINT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** @return the port the fake listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the project endpoint of the fake Agent Service: use it as {@code PROJECT_ENDPOINT} */
    public URI projectEndpoint() {
        return URI.create(endpoint() + FakeAgentService.projectPath());
    }

    /** @return the fake Foundry Agent Service: scripts, durations, connections, runs served */
    public FakeAgentService agents() {
        return agents;
    }

    /** @return the script of chat replies */
    public ChatScript chat() {
        return chat;
    }

    /** @return faults to inject into the next chat requests */
    public Faults faults() {
        return faults;
    }

    /**
     * Sets a deployment's rate limits and starts its windows afresh. Until set, a deployment has the fake's
     * default quota ({@link Builder#defaultQuota(Quota)}, 1,000,000 TPM unless changed).
     *
     * @param deployment the deployment name
     * @param quota its TPM/RPM and window
     * @return this fake
     */
    public FakeFoundry quota(String deployment, Quota quota) {
        limiters.put(Objects.requireNonNull(deployment, "deployment"), new QuotaLimiter(Objects.requireNonNull(quota,
                "quota")));
        return this;
    }

    /**
     * @param deployment a deployment name
     * @return the rate limits it runs under
     */
    public Quota quota(String deployment) {
        return limiter(deployment).quota();
    }

    /**
     * @param deployment a deployment name
     * @return how many requests its quota refused with 429 since it was set (or since {@link #reset()})
     */
    public long quotaRefusals(String deployment) {
        return limiter(deployment).refusals();
    }

    /** @return every request received */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * @param name a deployment name
     * @param model the model Azure reports for it, e.g. {@code gpt-4o-2024-11-20}
     */
    public void addDeployment(String name, String model) {
        deployments.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(model, "model"));
    }

    /** @param name a deployment to remove; later calls to it get 404 {@code DeploymentNotFound} */
    public void removeDeployment(String name) {
        deployments.remove(name);
    }

    /**
     * Forgets scripted replies, agent service state, queued faults, recorded requests and quotas set with
     * {@link #quota(String, Quota)} (rate-limit windows start afresh); deployments and the builder's quotas stay.
     */
    public void reset() {
        chat.reset();
        agents.reset();
        faults.clear();
        journal.clear();
        limiters.clear();
    }

    /**
     * @return a client builder pointed at this fake with a fake Entra ID credential, ready for more settings
     */
    public AgentClient.Builder clientBuilder() {
        return AgentClient.builder().endpoint(endpoint().toString()).projectEndpoint(projectEndpoint().toString())
                .credential(new FakeTokenCredential());
    }

    /** @return a client pointed at this fake, authenticating with a fake Entra ID token */
    public AgentClient client() {
        return clientBuilder().build();
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        agents.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean hasDeployment(String name) {
        return deployments.containsKey(name);
    }

    String modelOf(String deployment) {
        return deployments.get(deployment);
    }

    QuotaLimiter limiter(String deployment) {
        return limiters.computeIfAbsent(deployment,
                d -> new QuotaLimiter(configuredQuotas.getOrDefault(d, defaultQuota)));
    }

    FakeAuth auth() {
        return auth;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            FakeExchange ex = new FakeExchange(exchange);
            if (ChatCompletionsHandler.handles(ex.path())) {
                chatHandler.handle(ex);
            } else if (FakeAgentService.handles(ex.path())) {
                journal.record(ex.record(null));
                if (auth.admitBearerOnly(ex)) {
                    agents.handle(ex);
                }
            } else {
                journal.record(ex.record(null));
                ex.sendError(404, "404", AzureMessages.RESOURCE_NOT_FOUND, Map.of());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("fake-foundry: exchange ended abnormally: {}", e.toString());
            throw e;
        }
    }

    /**
     * Configures a {@link FakeFoundry}. Not thread-safe.
     */
    public static final class Builder {
        private int port;
        private final Map<String, String> deployments = new LinkedHashMap<>();
        private String requiredApiKey;
        private String requiredToken;
        private final Map<String, Quota> quotas = new LinkedHashMap<>();
        private Quota defaultQuota = Quota.tpm(1_000_000);

        private Builder() {
            deployments.put("gpt-4o", "gpt-4o-2024-11-20");
            deployments.put("gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        }

        /**
         * @param port the port, 0 (default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param name a deployment name to serve in addition to the defaults
         * @param model the model Azure reports for it
         * @return this builder
         */
        public Builder deployment(String name, String model) {
            deployments.put(name, model);
            return this;
        }

        /** @return this builder, without the default deployments {@code gpt-4o} and {@code gpt-4o-mini} */
        public Builder noDefaultDeployments() {
            deployments.clear();
            return this;
        }

        /**
         * @param apiKey the only {@code api-key} accepted; default any non-empty key
         * @return this builder
         */
        public Builder requireApiKey(String apiKey) {
            this.requiredApiKey = apiKey;
            return this;
        }

        /**
         * @param token the only bearer token accepted; default any non-empty token
         * @return this builder
         */
        public Builder requireBearerToken(String token) {
            this.requiredToken = token;
            return this;
        }

        /**
         * @param deployment a deployment name
         * @param quota its rate limits, kept across {@link FakeFoundry#reset()}
         * @return this builder
         */
        public Builder quota(String deployment, Quota quota) {
            quotas.put(Objects.requireNonNull(deployment, "deployment"), Objects.requireNonNull(quota, "quota"));
            return this;
        }

        /**
         * @param quota the rate limits of deployments without their own; default 1,000,000 TPM (6,000 RPM)
         * @return this builder
         */
        public Builder defaultQuota(Quota quota) {
            this.defaultQuota = Objects.requireNonNull(quota, "quota");
            return this;
        }

        /** @return the running fake */
        public FakeFoundry start() {
            return new FakeFoundry(this);
        }
    }
}
