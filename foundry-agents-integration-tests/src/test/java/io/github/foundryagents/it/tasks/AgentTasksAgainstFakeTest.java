package io.github.foundryagents.it.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.webhook.WebhookEvent;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.core.webhook.WebhookRefusedException;
import io.github.foundryagents.core.webhook.WebhookSignature;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent tasks whose runner calls the fake Azure over HTTP, with webhooks to a receiving test server. */
@WithFakeFoundry
class AgentTasksAgainstFakeTest {

    private static final Secret SECRET = Secret.of("hook-secret");

    record Received(String path, String host, String timestamp, String signature, String delivery, byte[] body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestURI().getPath(), h.getFirst("Host"),
                    h.getFirst(WebhookNotifier.TIMESTAMP_HEADER), h.getFirst(WebhookNotifier.SIGNATURE_HEADER),
                    h.getFirst(WebhookNotifier.DELIVERY_HEADER), body));
            int status = exchange.getRequestURI().getPath().equals("/redirect") ? 302
                    : failFirst.getAndDecrement() > 0 ? 503 : 200;
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl(String path) {
        return "http://hooks.example.test:" + receiver.getAddress().getPort() + path;
    }

    private WebhookNotifier notifier() {
        return WebhookNotifier.builder().secret(SECRET).allowHttp(true).allow("127.0.0.1/32")
                .resolver(host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")})
                .retry(RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(20)).build()).build();
    }

    @Test
    void tasksRunTheAgentOverHttpStoreUsageAndPostSignedWebhooks(FakeFoundry fake, AgentClient client)
            throws Exception {
        fake.chat().enqueue(Reply.text("answer one").withUsage(11, 4));
        fake.chat().enqueue(Reply.text("answer two").withUsage(7, 3));
        List<TaskRecord> usage = new CopyOnWriteArrayList<>();
        InMemoryTaskStore store = new InMemoryTaskStore();
        AgentTaskService tasks = AgentTaskService.builder().queue(new InMemoryTaskQueue("agent")).store(store)
                .runner(task -> {
                    ChatResponse r = client.chat(ChatRequest.builder().user(task.prompt()).userId(task.owner())
                            .build());
                    return new TaskResult(r.content().orElse(""), r.usage(), List.of(r.deployment()));
                })
                .webhooks(notifier()).usage(usage::add).build();
        String first = tasks.submit("alice", Tier.STANDARD, "question one", null, hookUrl("/hook"));
        String second = tasks.submit("alice", Tier.PREMIUM, "question two", Json.object().put("k", 1),
                hookUrl("/hook"));

        Worker worker = tasks.startWorker(WorkerOptions.builder().concurrency(1).noLimiter().build());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            worker.close(Duration.ofSeconds(5));
        }

        TaskRecord premium = tasks.get("alice", second).orElseThrow();
        TaskRecord standard = tasks.get("alice", first).orElseThrow();
        assertThat(premium.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(premium.result()).isEqualTo("answer one"); // premium ran first, got the first reply
        assertThat(premium.usage().totalTokens()).isEqualTo(15);
        assertThat(premium.deployments()).containsExactly("gpt-4o-mini");
        assertThat(standard.result()).isEqualTo("answer two");
        assertThat(tasks.get("mallory", first)).isEmpty();
        assertThat(usage).extracting(TaskRecord::id).containsExactly(second, first);
        assertThat(received).hasSize(2).allSatisfy(r -> {
            assertThat(WebhookSignature.verify(SECRET, r.timestamp(), r.body(), r.signature(),
                    Duration.ofMinutes(5))).isTrue();
            assertThat(r.host()).startsWith("hooks.example.test:");
        });
        var body = Json.parse(received.get(0).body());
        assertThat(body.path("taskId").asText()).isEqualTo(second);
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.path("response").asText()).isEqualTo("answer one");
        assertThat(body.path("usage").path("totalTokens").asLong()).isEqualTo(15);
    }

    @Test
    void retriesOn5xxWithTheSameDeliveryIdAndNeverFollowsRedirects() {
        failFirst.set(1);
        WebhookNotifier.WebhookDelivery delivery = notifier().send(URI.create(hookUrl("/hook")),
                new WebhookEvent("t1", "completed", "ok", null, null));

        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(received).extracting(Received::delivery).containsOnly(delivery.deliveryId());
        assertThatThrownBy(() -> notifier().send(URI.create(hookUrl("/redirect")),
                new WebhookEvent("t1", "completed", "ok", null, null)))
                .hasMessageContaining("redirects are not followed");
        assertThat(received).hasSize(3);
    }

    @Test
    void refusesLoopbackPrivateAndMetadataTargetsBeforeConnecting() {
        WebhookNotifier strict = WebhookNotifier.builder().secret(SECRET).allowHttp(true).build();
        for (String url : List.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data")) {
            assertThatThrownBy(() -> strict.send(URI.create(url), new WebhookEvent("t", "failed", null, "e", null)))
                    .isInstanceOf(WebhookRefusedException.class);
        }
        assertThat(received).isEmpty();
    }
}
