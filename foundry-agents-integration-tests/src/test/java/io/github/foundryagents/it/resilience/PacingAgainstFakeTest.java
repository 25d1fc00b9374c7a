package io.github.foundryagents.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.resilience.DeadlineExceededException;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Quota;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 storm: more concurrent calls than a deployment's quota admits per window, with and without client-side
 * pacing. The fake's minute is scaled to 500 ms; each call costs 106 prompt tokens + 100 max_tokens = 206.
 */
class PacingAgainstFakeTest {

    private static final Duration MINUTE = Duration.ofMillis(500);
    /** 100,000 TPM over a 500 ms minute: 833 tokens, four calls per window. */
    private static final Quota QUOTA = Quota.tpm(100_000).rpm(1_000_000).window(MINUTE);
    private static final int CALLS = 16;

    private final FakeFoundry fake = FakeFoundry.builder().quota("gpt-4o", QUOTA).start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static ChatRequest call() {
        return ChatRequest.builder().user("x".repeat(400)).deployment("gpt-4o").maxTokens(100).build();
    }

    /**
     * Fires the calls and returns how many failed. Warms the client up on another deployment first: the first call
     * of a JVM loads classes and opens connections, which takes longer than this test's scaled-down windows (not so
     * Azure's one-minute window).
     */
    private static int storm(AgentClient client) throws Exception {
        client.chat(call().toBuilder().deployment("gpt-4o-mini").build());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(threads.submit(() -> client.chat(call())));
            }
            int failed = 0;
            for (Future<?> f : calls) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed++;
                }
            }
            return failed;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void retriesAloneRideTheStormButCollect429s() throws Exception {
        storm(fake.clientBuilder().pacing(PacingOptions.disabled()).build()); // some may exhaust their retries

        assertThat(fake.quotaRefusals("gpt-4o")).as("429s without pacing").isGreaterThanOrEqualTo(8);
    }

    @Test
    void pacingLearnsTheUnknownQuotaAndAvoidsTheStorm() throws Exception {
        AgentClient client = fake.clientBuilder().pacing(PacingOptions.builder().window(MINUTE).build()).build();

        assertThat(storm(client)).as("failed calls").isZero();
        // A handful at most where calls reach the fake later than the pacer expects (this 500 ms window is a
        // scaled minute: a loaded test machine's delays are large against it); the storm without pacing has ~20.
        assertThat(fake.quotaRefusals("gpt-4o")).as("429s with pacing").isLessThanOrEqualTo(3);
        assertThat(fake.journal().matching(r -> "gpt-4o".equals(r.deployment())))
                .hasSize(CALLS + (int) fake.quotaRefusals("gpt-4o"));
    }

    @Test
    void aWaitForQuotaEndsAtTheCallsDeadlineWithoutReachingAzure() {
        // 10,000 TPM over a 5 s minute: 833 tokens, four calls, then nothing for five seconds.
        Duration slowMinute = Duration.ofSeconds(5);
        fake.quota("gpt-4o-mini", Quota.tpm(10_000).rpm(1_000_000).window(slowMinute));
        AgentClient client = fake.clientBuilder().pacing(PacingOptions.builder().window(slowMinute).build()).build();
        ChatRequest call = call().toBuilder().deployment("gpt-4o-mini").build();
        for (int i = 0; i < 4; i++) {
            client.chat(call);
        }
        long start = System.nanoTime();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
                () -> client.chat(call.toBuilder().timeout(Duration.ofMillis(200)).build()));

        assertThat(e).as("the wait for quota ended at the deadline").isNotNull();
        assertThat(e.getMessage()).contains("deployment 'gpt-4o-mini' waited").contains("for its quota");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
                Duration.ofSeconds(2));
        assertThat(fake.journal().chatRequests()).hasSize(4);
        assertThat(fake.quotaRefusals("gpt-4o-mini")).isZero();
    }
}
