package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.resilience.RetryAfterTooLongException;
import io.github.foundryagents.core.resilience.RetryExhaustedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a call goes when its deployment is saturated or failing: an ordered fallback list per deployment, e.g. a
 * provisioned (PTU) deployment spilling to a standard one, or {@code gpt4} to {@code gpt4-mini}.
 *
 * <p>The call moves to the next deployment in the list when the current one
 * <ul>
 *   <li>answers 429 asking to wait longer than {@link #maxWait()} (the retry step, told so through the
 *       {@link io.github.foundryagents.core.resilience.MaxRetryWait} tag, fails fast with
 *       {@link RetryAfterTooLongException} instead of sleeping),</li>
 *   <li>keeps answering 429 or a transient 5xx (408, 500, 502, 503, 504) until retries run out
 *       ({@link RetryExhaustedException}), or</li>
 *   <li>answers 429 or a transient 5xx and no retry step is configured ({@link RateLimitException},
 *       {@link ServerException}): nobody would wait, so the only alternatives are failing or moving on.</li>
 * </ul>
 * Other failures (400, 401, 403, 404, content filter, connection failures, which hit every deployment of the
 * resource alike) are thrown at once. The last deployment in the list waits as long as the retry policy allows,
 * since there is nowhere left to go. Lists are not followed transitively: the first deployment's list is the
 * whole path. Keys and entries may be aliases or deployment names.
 *
 * <pre>{@code
 * SpillOver.builder()
 *         .fallbacks("gpt-4o-ptu", "gpt-4o", "gpt-4o-mini")
 *         .fallbacks("gpt4", "gpt4-mini")
 *         .maxWait(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SpillOver {

    /** Default {@link #maxWait()}: a server wait longer than this moves the call on. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private static final SpillOver NONE = builder().build();

    private final Map<String, List<String>> fallbacks;
    private final Duration maxWait;

    private SpillOver(Builder b) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.fallbacks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.fallbacks = Collections.unmodifiableMap(copy);
        this.maxWait = b.maxWait;
    }

    /** @return no fallbacks: every failure is thrown */
    public static SpillOver none() {
        return NONE;
    }

    /** @return a builder with no fallbacks and {@link #DEFAULT_MAX_WAIT} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return alias or deployment name to its ordered fallbacks, as configured */
    public Map<String, List<String>> fallbacks() {
        return fallbacks;
    }

    /** @return the longest server-requested wait honoured before moving on; default 5 seconds */
    public Duration maxWait() {
        return maxWait;
    }

    @Override
    public String toString() {
        return "SpillOver{fallbacks=" + fallbacks + ", maxWait=" + maxWait + '}';
    }

    /**
     * @param failure how the current deployment failed
     * @return why the call should move on, or empty when the failure must be thrown
     */
    Optional<String> reasonToMoveOn(FoundryException failure) {
        if (failure instanceof RetryAfterTooLongException tooLong) {
            return Optional.of("HTTP " + tooLong.statusCode() + " asked to wait " + seconds(tooLong.requested())
                    + ", more than the " + seconds(tooLong.allowed()) + " this call may wait there");
        }
        if (failure instanceof RetryExhaustedException exhausted) {
            return isDeploymentTrouble(exhausted.getCause())
                    ? Optional.of("HTTP " + exhausted.lastStatus() + " after " + exhausted.attempts() + " attempts")
                    : Optional.empty();
        }
        if (failure instanceof RateLimitException limited) {
            return Optional.of("HTTP 429" + limited.retryAfter().map(w -> " asking to wait " + seconds(w)).orElse("")
                    + " and no retry step to wait");
        }
        return isDeploymentTrouble(failure) ? Optional.of("HTTP " + failure.statusCode()) : Optional.empty();
    }

    private static boolean isDeploymentTrouble(FoundryException failure) {
        return failure instanceof RateLimitException || failure instanceof ServerException && failure.isRetryable();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    /**
     * Builds a {@link SpillOver}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        private Duration maxWait = DEFAULT_MAX_WAIT;

        private Builder() {
        }

        /**
         * @param from an alias or deployment name
         * @param to where its calls go, in order, when it is saturated or failing
         * @return this builder
         */
        public Builder fallbacks(String from, String... to) {
            requireName(from);
            if (to.length == 0) {
                throw new IllegalArgumentException("give at least one fallback for '" + from + "'");
            }
            List<String> list = new ArrayList<>(Arrays.asList(to));
            list.forEach(Builder::requireName);
            if (list.contains(from) || list.stream().distinct().count() < list.size()) {
                throw new IllegalArgumentException("the fallbacks of '" + from + "' must not repeat it or each"
                        + " other, got " + list);
            }
            fallbacks.put(from, list);
            return this;
        }

        /**
         * @param maxWait the longest server-requested wait to honour before moving on; default 5 seconds
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait cannot be negative, got " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /** @return the spill-over configuration */
        public SpillOver build() {
            return new SpillOver(this);
        }

        private static void requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("deployment names and aliases cannot be blank");
            }
        }
    }
}
