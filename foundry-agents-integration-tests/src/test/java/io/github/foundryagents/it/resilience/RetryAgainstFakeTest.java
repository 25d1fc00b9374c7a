package io.github.foundryagents.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.resilience.DeadlineExceededException;
import io.github.foundryagents.core.resilience.Retrier;
import io.github.foundryagents.core.resilience.RetryAfterTooLongException;
import io.github.foundryagents.core.resilience.RetryExhaustedException;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Fault;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client's retry step against the fake over real HTTP: what is retried, how often, and when it stops. */
@WithFakeFoundry
class RetryAgainstFakeTest {

    /** The default policy with millisecond backoff, so failures are retried without slowing the suite. */
    private static final RetryPolicy FAST = RetryPolicy.builder().baseDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofMillis(20)).build();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger retrierLog = (Logger) LoggerFactory.getLogger(Retrier.class);

    @BeforeEach
    void captureRetryLog() {
        log.start();
        retrierLog.addAppender(log);
    }

    @AfterEach
    void releaseRetryLog() {
        retrierLog.detachAppender(log);
    }

    private static AgentClient client(FakeFoundry fake, RetryPolicy policy) {
        return fake.clientBuilder().retryPolicy(policy).build();
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().user("hello").deployment("gpt-4o").maxTokens(50).build();
    }

    @Test
    void a503ThenSuccessIsRetriedTransparently(FakeFoundry fake) {
        fake.faults().next(2, Fault.status(503));

        ChatResponse response = client(fake, FAST).chat(hello());

        assertThat(response.content()).isPresent();
        assertThat(fake.journal().chatRequests()).hasSize(3);
        assertThat(log.list).hasSize(2);
        assertThat(log.list.get(0).getFormattedMessage()).contains("deployment 'gpt-4o'").contains("HTTP 503")
                .contains("attempt 2/6").contains("(backoff)");
    }

    @Test
    void noSdkRetryMultipliesOursNFailuresMeanExactlyNPlusOneRequests(FakeFoundry fake) {
        for (int failures = 0; failures <= 4; failures++) {
            fake.reset();
            if (failures > 0) {
                fake.faults().next(failures, Fault.status(500));
            }

            client(fake, FAST).chat(hello());

            assertThat(fake.journal().chatRequests()).as("requests after %d failures", failures)
                    .hasSize(failures + 1);
        }
    }

    @Test
    void withRetriesOffOneFailureIsOneRequest(FakeFoundry fake) {
        fake.faults().next(Fault.status(503));

        ServerException e = catchThrowableOfType(ServerException.class,
                () -> client(fake, RetryPolicy.none()).chat(hello()));

        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void aConnectionResetIsRetried(FakeFoundry fake) {
        fake.faults().next(Fault.connectionReset());

        assertThat(client(fake, FAST).chat(hello()).content()).isPresent();
        assertThat(fake.journal().chatRequests()).hasSize(2);
        assertThat(log.list.get(0).getFormattedMessage()).contains("no response (FoundryConnectionException)");
    }

    @Test
    void aTruncatedBodyIsRetried(FakeFoundry fake) {
        fake.faults().next(Fault.truncatedBody());

        assertThat(client(fake, FAST).chat(hello()).content()).isPresent();
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void aSlowResponseBeyondTheDeadlineEndsTheCallAtTheDeadline(FakeFoundry fake) {
        fake.faults().next(Fault.delay(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
                () -> client(fake, FAST).chat(hello().toBuilder().timeout(Duration.ofMillis(700)).build()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600),
                Duration.ofMillis(2_500));
        assertThat(e.getCause()).isInstanceOf(FoundryConnectionException.class);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void waitsExactlyWhatTheServerAsksBeforeRetrying(FakeFoundry fake) {
        fake.chat().enqueue(Reply.rateLimited(Duration.ofMillis(400)));

        client(fake, FAST).chat(hello());

        List<RecordedRequest> requests = fake.journal().chatRequests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(log.list.get(0).getFormattedMessage()).contains("HTTP 429").contains("in 400 ms")
                .contains("server hint retry-after-ms");
    }

    @Test
    void aHintLongerThanTheDeadlineFailsAtOnce(FakeFoundry fake) {
        fake.chat().enqueue(Reply.rateLimited(Duration.ofSeconds(20)));
        long start = System.nanoTime();

        RetryAfterTooLongException e = catchThrowableOfType(RetryAfterTooLongException.class,
                () -> client(fake, FAST).chat(hello().toBuilder().timeout(Duration.ofSeconds(5)).build()));

        assertThat(e.requested()).isEqualTo(Duration.ofSeconds(20));
        assertThat(e.getMessage()).contains("asked to wait 20000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void exhaustedRetriesReportAttemptsLastStatusCodeAndWait(FakeFoundry fake) {
        fake.faults().next(4, Fault.status(503));

        RetryExhaustedException e = catchThrowableOfType(RetryExhaustedException.class,
                () -> client(fake, FAST.toBuilder().maxRetries(3).build()).chat(hello()));

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.lastStatus()).isEqualTo(503);
        assertThat(e.errorCode()).contains("503");
        assertThat(e.totalWait()).isPositive().isLessThan(Duration.ofMillis(100));
        assertThat(fake.journal().chatRequests()).hasSize(4);
    }

    @Test
    void retryLogLinesNeverShowTheApiKey(FakeFoundry fake) {
        String key = "sk-SECRET-KEY-IN-RETRY-TEST";
        fake.faults().next(2, Fault.status(503));

        AgentClient.builder().endpoint(fake.endpoint().toString()).apiKey(key).retryPolicy(FAST).build()
                .chat(hello());

        assertThat(log.list).hasSize(2).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(key));
    }
}
