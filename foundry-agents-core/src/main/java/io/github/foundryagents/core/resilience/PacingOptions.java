package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client paces calls to stay inside each deployment's tokens-per-minute (TPM) and requests-per-minute
 * (RPM) budgets. Immutable and thread-safe.
 *
 * <pre>{@code
 * PacingOptions.learning()                                  // the default: learn every budget from Azure's headers
 * PacingOptions.builder().tokensPerMinute("gpt-4o", 150_000).build()   // seed one from Terraform capacity
 * PacingOptions.disabled()                                  // no pacing (retries still honour 429 hints)
 * }</pre>
 *
 * <p>Azure counts a request's tokens when it arrives: its prompt plus {@code max_tokens}, over a one-minute window;
 * it counts requests over ten-second windows holding a sixth of the RPM (6 RPM per 1,000 TPM unless configured
 * otherwise). The pacer mirrors that: a token window of {@link #window()} and a request window of a sixth of it.
 * Without configuration it lets one call through, reads {@code x-ratelimit-remaining-tokens} and
 * {@code x-ratelimit-remaining-requests} from the answer, and paces from then on. A charge is counted a little
 * past its window, because a call released the instant an old one expires could otherwise reach Azure before Azure
 * lets the old one go: 250 ms with Azure's minute; with a window scaled down for tests, {@code window / 40} at first,
 * narrowing with each success to {@code window / 120} (at least 25 ms); widened when Azure refuses a call the pacer
 * expected to fit.
 */
public final class PacingOptions {

    /** Azure's rate-limit window for tokens. */
    public static final Duration AZURE_WINDOW = Duration.ofMinutes(1);
    /** Azure evaluates requests over windows this many times shorter than the token window (10 s of 60 s). */
    public static final int REQUEST_WINDOWS_PER_WINDOW = 6;
    /** Requests per minute Azure grants per 1,000 tokens per minute on chat models. */
    public static final int RPM_PER_1000_TPM = 6;

    private static final PacingOptions DISABLED = new PacingOptions(builder().enabled(false));

    private final boolean enabled;
    private final Duration window;
    private final Map<String, Long> tokensPerMinute;
    private final Map<String, Long> requestsPerMinute;
    private final int reserveWithoutMaxTokens;

    private PacingOptions(Builder b) {
        this.enabled = b.enabled;
        this.window = b.window;
        this.tokensPerMinute = Map.copyOf(b.tokensPerMinute);
        this.requestsPerMinute = Map.copyOf(b.requestsPerMinute);
        this.reserveWithoutMaxTokens = b.reserveWithoutMaxTokens;
    }

    /** @return pacing on, every budget learned from Azure's headers: the default */
    public static PacingOptions learning() {
        return builder().build();
    }

    /** @return pacing off */
    public static PacingOptions disabled() {
        return DISABLED;
    }

    /** @return a builder starting from {@link #learning()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the client paces at all */
    public boolean enabled() {
        return enabled;
    }

    /** @return the token window (Azure: one minute) */
    public Duration window() {
        return window;
    }

    /** @return the request window: a sixth of {@link #window()} (Azure: ten seconds) */
    public Duration requestWindow() {
        return window.dividedBy(REQUEST_WINDOWS_PER_WINDOW);
    }

    /** @return tokens reserved for the answer when a request sets no {@code max_tokens}; corrected afterwards */
    public int reserveWithoutMaxTokens() {
        return reserveWithoutMaxTokens;
    }

    /**
     * @param deployment a deployment name
     * @return the configured token budget per {@link #window()}, if its TPM was configured
     */
    public Optional<Long> tokenBudget(String deployment) {
        return Optional.ofNullable(tokensPerMinute.get(deployment)).map(tpm -> perWindow(tpm, window));
    }

    /**
     * @param deployment a deployment name
     * @return the configured request budget per {@link #requestWindow()}: its RPM, or 6 per 1,000 of its TPM
     */
    public Optional<Long> requestBudget(String deployment) {
        Long rpm = requestsPerMinute.get(deployment);
        if (rpm == null && tokensPerMinute.containsKey(deployment)) {
            rpm = tokensPerMinute.get(deployment) * RPM_PER_1000_TPM / 1000;
        }
        return Optional.ofNullable(rpm).map(r -> perWindow(r, requestWindow()));
    }

    private static long perWindow(long perMinute, Duration window) {
        return Math.max(1, perMinute * window.toNanos() / AZURE_WINDOW.toNanos());
    }

    @Override
    public String toString() {
        return enabled ? "PacingOptions{window=" + window + ", tokensPerMinute=" + tokensPerMinute
                + ", requestsPerMinute=" + requestsPerMinute + '}' : "PacingOptions{disabled}";
    }

    /**
     * Builds {@link PacingOptions}. Not thread-safe.
     */
    public static final class Builder {
        private boolean enabled = true;
        private Duration window = AZURE_WINDOW;
        private final Map<String, Long> tokensPerMinute = new HashMap<>();
        private final Map<String, Long> requestsPerMinute = new HashMap<>();
        private int reserveWithoutMaxTokens = 4096;

        private Builder() {
        }

        /**
         * @param enabled {@code false} turns pacing off; default on
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Seeds a deployment's budget, e.g. from its Terraform capacity ({@code capacity × 1,000} TPM). Learning
         * from Azure's headers still refines it.
         *
         * @param deployment the deployment name (not an alias)
         * @param tokensPerMinute its TPM
         * @return this builder
         */
        public Builder tokensPerMinute(String deployment, long tokensPerMinute) {
            this.tokensPerMinute.put(Objects.requireNonNull(deployment, "deployment"),
                    positive(tokensPerMinute, "tokensPerMinute"));
            return this;
        }

        /**
         * @param deployment the deployment name (not an alias)
         * @param requestsPerMinute its RPM; default 6 per 1,000 of its configured TPM
         * @return this builder
         */
        public Builder requestsPerMinute(String deployment, long requestsPerMinute) {
            this.requestsPerMinute.put(Objects.requireNonNull(deployment, "deployment"),
                    positive(requestsPerMinute, "requestsPerMinute"));
            return this;
        }

        /**
         * The length of the server's token window. Azure's is one minute (the default); set it shorter only to
         * match a test server whose minute is scaled down, such as the testkit's {@code Quota.window(...)}.
         *
         * @param window the token window; the request window is a sixth of it
         * @return this builder
         */
        public Builder window(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.compareTo(Duration.ofMillis(60)) < 0) {
                throw new IllegalArgumentException("window must be at least 60 ms, got " + window);
            }
            this.window = window;
            return this;
        }

        /**
         * @param tokens tokens to reserve for the answer of a request without {@code max_tokens} until its usage
         *     is known; default 4096 (Azure itself reserves up to the model's context size)
         * @return this builder
         */
        public Builder reserveWithoutMaxTokens(int tokens) {
            this.reserveWithoutMaxTokens = (int) positive(tokens, "reserveWithoutMaxTokens");
            return this;
        }

        /** @return the options */
        public PacingOptions build() {
            return new PacingOptions(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
