package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.FoundryServiceException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any outbound call under a {@link RetryPolicy}: chat completions (through {@link RetryInterceptor}), Agent
 * Service calls and webhooks use this one loop rather than copies of it.
 *
 * <p>For each failed attempt it asks the policy's {@link RetryClassifier} whether to try again. The wait before
 * the next attempt is the server's hint when the failure carries one ({@code retry-after-ms}, then
 * {@code x-ms-retry-after-ms}, then {@code retry-after}), otherwise full-jitter backoff. It logs one WARN line per
 * retry and stops:
 * <ul>
 * <li>with the failure itself when it is not retryable, or when the policy allows no retries;</li>
 * <li>with {@link RetryAfterTooLongException} at once when the server asks for longer than the call may still
 *     wait (its deadline, or {@link RetryContext#maxServerWait()});</li>
 * <li>with {@link DeadlineExceededException} when the deadline passed or the next backoff would end after it;</li>
 * <li>with {@link RetryExhaustedException} when every attempt failed;</li>
 * <li>with {@link CallCancelledException} as soon as the thread is interrupted.</li>
 * </ul>
 * Only {@link FoundryException}s are retried; anything else propagates unchanged. Thread-safe.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final TimeSource time;
    private final DoubleSupplier jitter;

    /**
     * @param policy the policy to follow
     */
    public Retrier(RetryPolicy policy) {
        this(policy, TimeSource.system());
    }

    /**
     * @param policy the policy to follow
     * @param time the clock and sleeper; tests pass one that does not really sleep
     */
    public Retrier(RetryPolicy policy, TimeSource time) {
        this(policy, time, () -> ThreadLocalRandom.current().nextDouble());
    }

    Retrier(RetryPolicy policy, TimeSource time, DoubleSupplier jitter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.time = Objects.requireNonNull(time, "time");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** @return the policy this retrier follows */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * @param timeout how long the call may take, or {@code null} for the policy's timeout
     * @return a deadline for one call on this retrier's clock
     */
    public Deadline deadline(Duration timeout) {
        return Deadline.after(timeout != null ? timeout : policy.timeout(), time);
    }

    /**
     * Calls {@code attempt} until it succeeds or the policy says stop.
     *
     * @param attempt one attempt of the call; it should itself respect {@code context.deadline()}
     * @param context what is being called and its deadline
     * @param <T> the result type
     * @return the first successful result
     * @throws FoundryException the non-retryable failure, or one of the exceptions listed on this class
     */
    public <T> T call(Supplier<T> attempt, RetryContext context) {
        int maxAttempts = policy.maxRetries() + 1;
        Duration waited = Duration.ZERO;
        for (int attempts = 1; ; attempts++) {
            FoundryException failure;
            try {
                return attempt.get();
            } catch (FoundryException e) {
                failure = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CallCancelledException("The " + context.operation() + " was cancelled (thread interrupted)"
                        + " after " + attempts + " attempt(s)", failure);
            }
            if (!policy.classifier().isRetryable(failure) || maxAttempts == 1) {
                throw failure;
            }
            if (attempts == maxAttempts) {
                throw new RetryExhaustedException("The " + context.operation() + " failed " + attempts + " times ("
                        + describe(failure) + "), waiting " + millis(waited) + " between attempts; the service is"
                        + " still refusing: try later, raise its capacity, or allow more retries (maxRetries "
                        + policy.maxRetries() + "). Last failure: " + failure.getMessage(), failure, attempts, waited);
            }
            Wait wait = nextWait(failure, attempts, context);
            LOG.warn("Retrying {} after {} (attempt {}/{}) in {} ({})", context.operation(), describe(failure),
                    attempts + 1, maxAttempts, millis(wait.delay()), wait.source());
            sleep(wait.delay(), context, attempts, failure);
            waited = waited.plus(wait.delay());
        }
    }

    private Wait nextWait(FoundryException failure, int attempts, RetryContext context) {
        Deadline deadline = context.deadline();
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw outOfTime(context, failure, attempts, "passed");
        }
        Optional<RetryHint> hint = failure instanceof FoundryServiceException service
                ? service.error().retryHint() : Optional.empty();
        if (hint.isPresent()) {
            Duration asked = hint.get().delay();
            boolean tagLimits = context.maxServerWaitLimit().filter(max -> max.compareTo(remaining) < 0).isPresent();
            Duration allowed = tagLimits ? context.maxServerWait() : remaining;
            if (asked.compareTo(allowed) > 0) {
                throw new RetryAfterTooLongException("The " + context.operation() + " was refused ("
                        + describe(failure) + ") and the server asked to wait " + millis(asked) + " ("
                        + hint.get().header() + "), longer than the " + millis(allowed) + " this call may still wait"
                        + " (" + (tagLimits ? "its MaxRetryWait" : "its deadline") + "); failing now so the caller"
                        + " can try another deployment or later", (FoundryServiceException) failure, asked, allowed);
            }
            return new Wait(asked, "server hint " + hint.get().header());
        }
        Duration backoff = Duration.ofNanos((long) (policy.backoffCeiling(attempts).toNanos() * jitter.getAsDouble()));
        if (backoff.compareTo(remaining) >= 0) {
            throw outOfTime(context, failure, attempts, "leaves " + millis(remaining) + ", less than the next"
                    + " backoff of " + millis(backoff) + ",");
        }
        return new Wait(backoff, "backoff");
    }

    private static DeadlineExceededException outOfTime(RetryContext context, FoundryException failure, int attempts,
            String how) {
        Deadline deadline = context.deadline();
        return new DeadlineExceededException("The " + context.operation() + " ran out of time: its "
                + millis(deadline.timeout()) + " deadline " + how + " after " + attempts + " attempt(s) (last: "
                + describe(failure) + "). Allow more time with the request's timeout or the retry policy's timeout",
                failure, attempts, deadline.timeout());
    }

    private void sleep(Duration delay, RetryContext context, int attempts, FoundryException failure) {
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CallCancelledException cancelled = new CallCancelledException("The " + context.operation() + " was"
                    + " cancelled (thread interrupted) while waiting to retry after " + attempts + " attempt(s)",
                    failure);
            cancelled.addSuppressed(e);
            throw cancelled;
        }
    }

    static String describe(FoundryException failure) {
        if (failure.statusCode() == 0) {
            return "no response (" + failure.getClass().getSimpleName() + ")";
        }
        String status = Integer.toString(failure.statusCode());
        return "HTTP " + status + failure.errorCode().filter(c -> !c.equals(status)).map(c -> " " + c).orElse("");
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private record Wait(Duration delay, String source) {
    }
}
