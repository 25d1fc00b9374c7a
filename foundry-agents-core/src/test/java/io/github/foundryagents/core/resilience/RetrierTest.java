package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.ServiceError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RetrierTest {

    private final FakeTime time = new FakeTime();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Retrier.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private Retrier retrier(RetryPolicy policy, double jitter) {
        return new Retrier(policy, time, () -> jitter);
    }

    private RetryContext context(Duration timeout) {
        return RetryContext.of("chat completion on deployment 'gpt-4o'", Deadline.after(timeout, time));
    }

    /** Fails with the given failures in order, then answers "ok". */
    private static Supplier<String> script(AtomicInteger attempts, FoundryException... failures) {
        Deque<FoundryException> queue = new ArrayDeque<>(List.of(failures));
        return () -> {
            attempts.incrementAndGet();
            if (!queue.isEmpty()) {
                throw queue.poll();
            }
            return "ok";
        };
    }

    @Test
    void returnsTheFirstSuccessWithoutWaiting() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier(RetryPolicy.defaults(), 0.5).call(script(attempts), context(Duration.ofMinutes(1)));

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retriesAfterTheServersHintNotTheBackoff() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier(RetryPolicy.defaults(), 0.99).call(script(attempts,
                Failures.rateLimited(Duration.ofMillis(1500), "retry-after-ms"),
                Failures.rateLimited(Duration.ofSeconds(7), "retry-after")), context(Duration.ofMinutes(1)));

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(7));
    }

    @Test
    void backsOffWithDoublingCeilingsScaledByJitterWhenThereIsNoHint() {
        AtomicInteger attempts = new AtomicInteger();

        retrier(RetryPolicy.defaults(), 0.5).call(script(attempts, Failures.server(503), Failures.reset(),
                Failures.rateLimitedWithoutHint(), Failures.server(500)), context(Duration.ofMinutes(1)));

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void fullJitterBackoffStaysBetweenZeroAndTheCeiling() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(8).maxDelay(Duration.ofSeconds(30)).build();
        Retrier random = new Retrier(policy, time);
        for (int run = 0; run < 200; run++) {
            int before = time.sleeps().size();
            catchThrowableOfType(RetryExhaustedException.class, () -> random.call(() -> {
                throw Failures.server(503);
            }, context(Duration.ofHours(1))));
            List<Duration> sleeps = time.sleeps().subList(before, time.sleeps().size());
            assertThat(sleeps).hasSize(8);
            for (int i = 0; i < sleeps.size(); i++) {
                assertThat(sleeps.get(i)).isBetween(Duration.ZERO, policy.backoffCeiling(i + 1));
            }
        }
        double meanFirst = time.sleeps().stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) <= 0)
                .mapToLong(Duration::toMillis).average().orElseThrow();
        assertThat(meanFirst).as("uniform jitter, not a constant").isBetween(200.0, 800.0);
    }

    @Test
    void givesUpAfterMaxRetriesWithAttemptsLastStatusCodeAndTotalWait() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.builder().maxRetries(3).build();

        RetryExhaustedException e = catchThrowableOfType(RetryExhaustedException.class, () -> retrier(policy, 0.25)
                .call(() -> {
                    attempts.incrementAndGet();
                    throw Failures.server(503);
                }, context(Duration.ofMinutes(1))));

        assertThat(attempts).hasValue(4);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.lastStatus()).isEqualTo(503);
        assertThat(e.errorCode()).contains("ServiceUnavailable");
        assertThat(e.totalWait()).isEqualTo(time.slept()).isEqualTo(Duration.ofMillis(250 + 500 + 1000));
        assertThat(e.getCause().statusCode()).isEqualTo(503);
        assertThat(e.getMessage()).contains("failed 4 times").contains("HTTP 503").contains("1750 ms")
                .contains("deployment 'gpt-4o'");
    }

    @Test
    void doesNotRetryWhatTheClassifierRejects() {
        AtomicInteger attempts = new AtomicInteger();
        BadRequestException refused = new BadRequestException("bad", new ServiceError(400, "invalid", "m", null,
                null));

        FoundryException e = catchThrowableOfType(FoundryException.class,
                () -> retrier(RetryPolicy.defaults(), 0.5).call(script(attempts, refused), context(Duration.ofMinutes(1))));

        assertThat(e).isSameAs(refused);
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aHintLongerThanTheRemainingDeadlineFailsAtOnceSayingHowLongTheServerAsked() {
        AtomicInteger attempts = new AtomicInteger();

        RetryAfterTooLongException e = catchThrowableOfType(RetryAfterTooLongException.class,
                () -> retrier(RetryPolicy.defaults(), 0.5).call(script(attempts,
                        Failures.rateLimited(Duration.ofSeconds(30), "retry-after")), context(Duration.ofSeconds(10))));

        assertThat(e.requested()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.allowed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.getMessage()).contains("asked to wait 30000 ms (retry-after)").contains("its deadline");
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aHintLongerThanMaxRetryWaitFailsAtOnce() {
        RetryContext context = new RetryContext("chat completion on deployment 'gpt-4o'",
                Deadline.after(Duration.ofMinutes(5), time), Duration.ofSeconds(2));

        RetryAfterTooLongException e = catchThrowableOfType(RetryAfterTooLongException.class,
                () -> retrier(RetryPolicy.defaults(), 0.5).call(script(new AtomicInteger(),
                        Failures.rateLimited(Duration.ofSeconds(6), "retry-after-ms")), context));

        assertThat(e.allowed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.getMessage()).contains("MaxRetryWait");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void stopsWhenTheNextBackoffWouldEndAfterTheDeadline() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy slow = RetryPolicy.builder().baseDelay(Duration.ofSeconds(4)).build();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class, () -> retrier(slow, 0.9)
                .call(script(attempts, Failures.server(503), Failures.server(503)), context(Duration.ofSeconds(5))));

        assertThat(attempts).hasValue(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(3600));
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.getMessage()).contains("ran out of time").contains("5000 ms deadline");
    }

    @Test
    void anAttemptThatRunsPastTheDeadlineIsNotFollowedByAnother() {
        AtomicInteger attempts = new AtomicInteger();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
                () -> retrier(RetryPolicy.defaults(), 0.5).call(() -> {
                    attempts.incrementAndGet();
                    time.advance(Duration.ofSeconds(3));
                    throw Failures.reset();
                }, context(Duration.ofSeconds(2))));

        assertThat(attempts).hasValue(1);
        assertThat(e.getMessage()).contains("deadline passed");
        assertThat(e.getCause()).hasMessageContaining("Connection reset");
    }

    @Test
    void interruptionStopsTheWaitAtOnceAndKeepsTheFlag() throws InterruptedException {
        Retrier real = new Retrier(RetryPolicy.builder().baseDelay(Duration.ofSeconds(30))
                .maxDelay(Duration.ofSeconds(30)).build(), TimeSource.system(), () -> 1.0);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                real.call(script(attempts, Failures.server(503), Failures.server(503)),
                        RetryContext.of("chat", Deadline.after(Duration.ofMinutes(5))));
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (attempts.get() == 0) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(thrown.get()).isInstanceOf(CallCancelledException.class).hasMessageContaining("cancelled");
        assertThat(flag.get()).isTrue();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anAttemptInterruptedMidCallIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            CallCancelledException e = catchThrowableOfType(CallCancelledException.class,
                    () -> retrier(RetryPolicy.defaults(), 0.5).call(() -> {
                        attempts.incrementAndGet();
                        Thread.currentThread().interrupt();
                        throw Failures.reset();
                    }, context(Duration.ofMinutes(1))));
            assertThat(e).hasMessageContaining("after 1 attempt");
            assertThat(attempts).hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void logsOneWarnLinePerRetryWithDeploymentStatusAttemptWaitAndSource() {
        retrier(RetryPolicy.defaults(), 0.5).call(script(new AtomicInteger(),
                Failures.rateLimited(Duration.ofMillis(1500), "retry-after-ms"), Failures.server(503)),
                context(Duration.ofMinutes(1)));

        assertThat(log.list).hasSize(2).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        assertThat(log.list.get(0).getFormattedMessage()).isEqualTo("Retrying chat completion on deployment 'gpt-4o'"
                + " after HTTP 429 (attempt 2/6) in 1500 ms (server hint retry-after-ms)");
        assertThat(log.list.get(1).getFormattedMessage()).isEqualTo("Retrying chat completion on deployment 'gpt-4o'"
                + " after HTTP 503 ServiceUnavailable (attempt 3/6) in 1000 ms (backoff)");
    }

    @Test
    void otherExceptionsPassThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("bug");

        Throwable e = catchThrowableOfType(IllegalStateException.class, () -> retrier(RetryPolicy.defaults(), 0.5)
                .call(() -> {
                    throw bug;
                }, context(Duration.ofMinutes(1))));

        assertThat(e).isSameAs(bug);
    }
}
