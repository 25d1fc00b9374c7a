package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.core.webhook.WebhookSignature;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentTaskServiceTest {

    private static final Secret SECRET = Secret.of("hook-secret");

    record Delivery(String timestamp, String signature, byte[] body) {
    }

    @Test
    void aTaskThatCannotBeQueuedIsMarkedFailedInsteadOfStayingPending() {
        TaskQueue queue = spy(new InMemoryTaskQueue("unreachable"));
        doThrow(new IllegalStateException("queue is down")).when(queue).add(any(NewJob.class));
        InMemoryTaskStore store = new InMemoryTaskStore();
        AgentTaskService tasks = AgentTaskService.builder().queue(queue).store(store)
                .runner(task -> {
                    throw new AssertionError("nothing runs");
                })
                .build();

        assertThatThrownBy(() -> tasks.submit("alice", Tier.STANDARD, "hello", null, null))
                .hasMessage("queue is down");

        List<TaskRecord> records = tasks.list("alice", 10);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(r.error()).isEqualTo("the task could not be queued: queue is down");
        });
    }

    @Test
    void aTaskWhoseRunnerKeepsFailingEndsFailedWithItsErrorAndASignedErrorWebhook() throws Exception {
        List<Delivery> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            var h = exchange.getRequestHeaders();
            received.add(new Delivery(h.getFirst(WebhookNotifier.TIMESTAMP_HEADER),
                    h.getFirst(WebhookNotifier.SIGNATURE_HEADER), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        AtomicInteger runs = new AtomicInteger();
        WebhookNotifier webhooks = WebhookNotifier.builder().secret(SECRET).allowHttp(true).allow("127.0.0.1/32")
                .retry(RetryPolicy.none()).build();
        AgentTaskService tasks = AgentTaskService.builder().queue(new InMemoryTaskQueue("failing"))
                .store(new InMemoryTaskStore()).webhooks(webhooks)
                .jobOptions(JobOptions.builder().attempts(2).backoff(Backoff.fixed(Duration.ofMillis(20))).build())
                .runner(task -> {
                    throw new IllegalStateException("model unavailable (run " + runs.incrementAndGet() + ")");
                })
                .build();
        Worker worker = tasks.startWorker(WorkerOptions.builder().noLimiter().drainDelay(Duration.ofMillis(50))
                .build());
        try {
            String id = tasks.submit("alice", Tier.STANDARD, "doomed", null,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // a second (wrong) webhook would arrive within this

            TaskRecord failed = tasks.get("alice", id).orElseThrow();
            assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.error()).isEqualTo("model unavailable (run 2)");
            assertThat(failed.result()).isNull();
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.completedAt()).isNotNull();
            assertThat(runs.get()).isEqualTo(2);
            assertThat(received).singleElement().satisfies(d -> {
                assertThat(WebhookSignature.verify(SECRET, d.timestamp(), d.body(), d.signature(),
                        Duration.ofMinutes(5))).isTrue();
                JsonNode body = Json.parse(d.body());
                assertThat(body.path("taskId").asText()).isEqualTo(id);
                assertThat(body.path("status").asText()).isEqualTo("failed");
                assertThat(body.path("error").asText()).isEqualTo("model unavailable (run 2)");
                assertThat(body.has("response")).isFalse();
            });
        } finally {
            worker.close(Duration.ofSeconds(5));
            receiver.stop(0);
        }
    }
}
