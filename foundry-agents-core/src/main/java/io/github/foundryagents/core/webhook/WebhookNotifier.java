package io.github.foundryagents.core.webhook;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.config.Endpoints;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.resilience.CallCancelledException;
import io.github.foundryagents.core.resilience.Retrier;
import io.github.foundryagents.core.resilience.RetryContext;
import io.github.foundryagents.core.resilience.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;

/**
 * Posts signed task webhooks.
 *
 * <pre>{@code
 * WebhookNotifier webhooks = WebhookNotifier.builder().secret(Secret.of(System.getenv("WEBHOOK_SECRET"))).build();
 * webhooks.send(URI.create("https://example.com/hooks/tasks"), event);
 * }</pre>
 *
 * <p>Each delivery is a JSON POST with {@value #TIMESTAMP_HEADER} (Unix seconds),
 * {@value #SIGNATURE_HEADER} ({@code sha256=HMAC-SHA256(secret, timestamp + "." + body)}, see
 * {@link WebhookSignature}) and {@value #DELIVERY_HEADER} (a UUID that stays the same across retries, so
 * receivers can drop duplicates). Defaults: 10 s timeout per attempt, redirects never followed, 3 attempts with
 * exponential backoff from 1 s on timeouts, connection errors, 429 and 5xx, https only. The SSRF guard resolves
 * the host once, refuses loopback, private, link-local, multicast and metadata addresses unless allow-listed, and
 * the connection is pinned to the checked address. Immutable and thread-safe.
 */
public final class WebhookNotifier {

    /** Header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-Foundry-Signature";
    /** Header carrying the signing time in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Foundry-Timestamp";
    /** Header carrying the delivery id, the same for every retry of one delivery. */
    public static final String DELIVERY_HEADER = "X-Foundry-Delivery";
    /** Default timeout of one attempt: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default retry of failed deliveries: 3 attempts, exponential backoff from 1 s with full jitter, 1 min in all. */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofSeconds(1))
            .maxDelay(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(1)).build();

    private final Secret secret;
    private final Duration timeout;
    private final Retrier retrier;
    private final SsrfGuard guard;
    private final PinnedHttpPost http;
    private final Clock clock;

    private WebhookNotifier(Builder b) {
        this.secret = Objects.requireNonNull(b.secret, "a webhook secret is required: builder().secret(...)");
        this.timeout = b.timeout;
        this.retrier = new Retrier(b.retry.toBuilder().classifier(FoundryException::isRetryable).build());
        this.guard = new SsrfGuard(b.allowHttp, b.allowList, b.resolver);
        this.http = new PinnedHttpPost(b.tls);
        this.clock = b.clock;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a receiver URL the way {@link #send} does before connecting (scheme, user info, and every address the
     * host resolves to against the SSRF guard), so an API can refuse a bad webhook when the task is submitted
     * rather than when it finishes. Resolves the host name once.
     *
     * @param url the receiver
     * @throws WebhookRefusedException when the URL may not be called, saying why
     */
    public void check(URI url) {
        guard.check(Objects.requireNonNull(url, "url"));
    }

    /**
     * Delivers one event, retrying as configured.
     *
     * @param url the receiver
     * @param event the event
     * @return what happened
     * @throws WebhookRefusedException when the URL may not be called (never retried)
     * @throws WebhookDeliveryException when the receiver refused in a way not worth retrying, or when every
     *     attempt failed (then {@link WebhookDeliveryException#attempts()} says how many were made)
     */
    public WebhookDelivery send(URI url, WebhookEvent event) {
        InetAddress address = guard.check(url);
        byte[] body = event.toJson();
        String deliveryId = UUID.randomUUID().toString();
        int[] attempts = {0};
        String where = Endpoints.redact(url.toString());
        int status;
        try {
            status = retrier.call(() -> attempt(url, address, deliveryId, body, ++attempts[0]),
                    RetryContext.of("webhook delivery to " + where, retrier.deadline(null)));
        } catch (WebhookDeliveryException | CallCancelledException asIs) {
            throw asIs;
        } catch (FoundryException gaveUp) {
            // The retrier's own "gave up" exceptions speak of a refusing service; say what it means for a webhook.
            Throwable last = gaveUp.getCause() == null ? gaveUp : gaveUp.getCause();
            int lastStatus = last instanceof FoundryException f ? f.statusCode() : 0;
            throw new WebhookDeliveryException("Webhook " + where + " not delivered after " + attempts[0]
                    + " attempt(s) (delivery " + deliveryId + "); last failure: " + last.getMessage() + ". Check that"
                    + " the receiver is up and answers 2xx within " + timeout.toMillis() + " ms, or raise the"
                    + " webhook timeout or retries", gaveUp, lastStatus, false, attempts[0]);
        }
        return new WebhookDelivery(deliveryId, status, attempts[0]);
    }

    private int attempt(URI url, InetAddress address, String deliveryId, byte[] body, int attempt) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "foundry-agents-webhook");
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        headers.put(DELIVERY_HEADER, deliveryId);
        String where = Endpoints.redact(url.toString());
        int status;
        try {
            status = http.post(url, address, headers, body, timeout);
        } catch (SocketTimeoutException e) {
            throw new WebhookDeliveryException("Webhook " + where + " did not answer within " + timeout.toMillis()
                    + " ms", e, 0, true, attempt);
        } catch (IOException e) {
            throw new WebhookDeliveryException("Webhook " + where + " could not be reached: " + e.getMessage(), e, 0,
                    true, attempt);
        }
        if (status >= 200 && status < 300) {
            return status;
        }
        if (status >= 300 && status < 400) {
            throw new WebhookDeliveryException("Webhook " + where + " answered " + status + " (a redirect);"
                    + " redirects are not followed: configure the final URL", null, status, false, attempt);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new WebhookDeliveryException("Webhook " + where + " answered " + status, null, status, retryable,
                attempt);
    }

    @Override
    public String toString() {
        return "WebhookNotifier{secret=****, timeout=" + timeout + '}';
    }

    /**
     * The result of a delivery.
     *
     * @param deliveryId the {@value #DELIVERY_HEADER} value
     * @param statusCode the receiver's 2xx status
     * @param attempts attempts it took
     */
    public record WebhookDelivery(String deliveryId, int statusCode, int attempts) {
    }

    /**
     * Builds a {@link WebhookNotifier}. Not thread-safe.
     */
    public static final class Builder {
        private Secret secret;
        private Duration timeout = DEFAULT_TIMEOUT;
        private RetryPolicy retry = DEFAULT_RETRY;
        private boolean allowHttp;
        private final List<String> allowList = new ArrayList<>();
        private HostResolver resolver = InetAddress::getAllByName;
        private SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param secret the HMAC key shared with receivers; required
         * @return this builder
         */
        public Builder secret(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * @param timeout the deadline of one attempt (connect, send, status line); default 10 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How failed deliveries (timeouts, connection errors, 408, 429, 5xx) are retried, with the library's
         * shared retry engine: backoff with full jitter within the policy's timeout. Default
         * {@link #DEFAULT_RETRY}: 3 attempts, exponential from 1 s.
         *
         * @param retry the policy; {@link RetryPolicy#none()} for a single attempt
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * @param allowHttp {@code true} to permit plain http URLs (tests, receivers inside a trusted network);
         *     default {@code false}
         * @return this builder
         */
        public Builder allowHttp(boolean allowHttp) {
            this.allowHttp = allowHttp;
            return this;
        }

        /**
         * Allows a host name or an address range that the SSRF guard would otherwise refuse, e.g. an internal
         * receiver {@code hooks.internal.example} or {@code 10.1.2.0/24}.
         *
         * @param hostOrCidr a host name, an address, or an address range
         * @return this builder
         */
        public Builder allow(String hostOrCidr) {
            SsrfGuard.Cidr.parse(hostOrCidr); // fail fast on malformed ranges
            allowList.add(hostOrCidr);
            return this;
        }

        /**
         * @param resolver how host names are resolved (once per delivery); default the JVM's resolver
         * @return this builder
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param tls the TLS socket factory (custom trust store); default the JVM's
         * @return this builder
         */
        public Builder tls(SSLSocketFactory tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** @return the notifier */
        public WebhookNotifier build() {
            return new WebhookNotifier(this);
        }
    }
}
