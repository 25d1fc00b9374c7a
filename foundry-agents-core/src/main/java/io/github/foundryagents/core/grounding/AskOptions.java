package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-question settings of {@link GroundedAgent#ask(String, AskOptions)}: a deadline, status listeners, and the user
 * the ask counts against (monthly quota and usage records).
 * Immutable and thread-safe.
 */
public final class AskOptions {

    /** Deadline when none is set: long enough for slow grounded runs, short of the service's 10-minute expiry. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final AskOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final List<RunListener> listeners;
    private final String userId;

    private AskOptions(Builder b) {
        this.timeout = b.timeout;
        this.listeners = List.copyOf(b.listeners);
        this.userId = b.userId;
    }

    /** @return the defaults: {@link #DEFAULT_TIMEOUT}, no listeners */
    public static AskOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the deadline for the whole ask, retries included; when it passes the run is cancelled */
    public Duration timeout() {
        return timeout;
    }

    /** @return the status listeners */
    public List<RunListener> listeners() {
        return listeners;
    }

    /** @return the user the ask counts against, if any; never sent to Azure */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** Builds {@link AskOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<RunListener> listeners = new ArrayList<>();
        private String userId;

        private Builder() {
        }

        /**
         * @param userId the user the ask counts against: checked against the monthly token limit before it starts
         *     and recorded with its usage when the client meters usage
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * @param timeout the deadline for the whole ask (default {@link #DEFAULT_TIMEOUT})
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param listener told of each status change
         * @return this builder
         */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the options */
        public AskOptions build() {
            return new AskOptions(this);
        }
    }
}
