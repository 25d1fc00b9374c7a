package io.github.foundryagents.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.resilience.RetryPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver that stalls: each attempt is cut off at the configured timeout and retried as the same delivery. */
class WebhookTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private HttpServer receiver;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> deliveryIds = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger stallFirst = new AtomicInteger();

    @BeforeEach
    void startStallingReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(threads);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveryIds.add(exchange.getRequestHeaders().getFirst(WebhookNotifier.DELIVERY_HEADER));
            arrivals.add(System.nanoTime());
            if (stallFirst.getAndDecrement() > 0) {
                try {
                    release.await(10, TimeUnit.SECONDS); // far beyond the notifier's timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
        threads.shutdownNow();
    }

    private WebhookNotifier notifier() {
        return WebhookNotifier.builder().secret(Secret.of("s")).allowHttp(true).allow("127.0.0.1/32")
                .timeout(TIMEOUT)
                .retry(RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(20)).build()).build();
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @Test
    void aStalledAttemptIsCutAtTheTimeoutAndRetriedWithTheSameDeliveryId() {
        stallFirst.set(1);

        WebhookNotifier.WebhookDelivery delivery = notifier().send(hook(),
                new WebhookEvent("t1", "failed", null, "boom", null));

        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(deliveryIds).hasSize(2).containsOnly(delivery.deliveryId());
        assertCutAtTheTimeout();
    }

    /**
     * Each retry arrives once the stalled attempt before it was cut: about one timeout later (the deadline starts
     * before the request reaches the receiver, so a little less), and long before the 10 s stall ends.
     */
    private void assertCutAtTheTimeout() {
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1));
            assertThat(gapMs).as("time between attempt %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(TIMEOUT.toMillis() / 2).isLessThan(3_000);
        }
    }

    @Test
    void aReceiverThatNeverAnswersFailsAfterEveryAttemptTimedOut() {
        stallFirst.set(Integer.MAX_VALUE);

        assertThatThrownBy(() -> notifier().send(hook(), new WebhookEvent("t2", "completed", "ok", null, null)))
                .isInstanceOfSatisfying(WebhookDeliveryException.class,
                        e -> assertThat(e.attempts()).isEqualTo(3))
                .hasMessageContaining("not delivered after 3 attempt(s)")
                .hasMessageContaining("did not answer within 300 ms")
                .hasMessageNotContaining("capacity");

        assertThat(deliveryIds).hasSize(3).doesNotContainNull();
        assertThat(deliveryIds.stream().distinct()).hasSize(1);
        assertCutAtTheTimeout();
    }
}
