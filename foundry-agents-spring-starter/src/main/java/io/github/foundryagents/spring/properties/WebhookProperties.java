package io.github.foundryagents.spring.properties;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.webhook.*}: signed task webhooks. Tasks may name a webhook only when a secret is set.
 *
 * @param secret the HMAC-SHA256 key shared with receivers; masked everywhere
 * @param allow hosts or address ranges the SSRF guard lets through although they are not public, e.g.
 *     hooks.internal.example or 10.1.2.0/24. Empty: public addresses only
 * @param allowHttp permit plain http webhook URLs (never in production)
 * @param timeout the deadline of one delivery attempt
 * @param attempts delivery attempts on timeouts, connection errors, 408, 429 and 5xx
 * @param sslBundle name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material verifies receivers;
 *     unset uses the JVM's trust store
 */
public record WebhookProperties(
        String secret,
        List<String> allow,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("3") int attempts,
        String sslBundle) {

    /**
     * Copies the allow-list.
     *
     * @param secret the HMAC-SHA256 key shared with receivers; masked everywhere
     * @param allow hosts or address ranges the SSRF guard lets through although they are not public, e.g.
     *         hooks.internal.example or 10.1.2.0/24. Empty: public addresses only
     * @param allowHttp permit plain http webhook URLs (never in production)
     * @param timeout the deadline of one delivery attempt
     * @param attempts delivery attempts on timeouts, connection errors, 408, 429 and 5xx
     * @param sslBundle name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material verifies receivers;
     *         unset uses the JVM's trust store
     */
    public WebhookProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    @Override
    public String toString() {
        return "WebhookProperties{secret=" + (secret == null ? "none" : "****") + ", allow=" + allow + ", allowHttp="
                + allowHttp + '}';
    }
}
