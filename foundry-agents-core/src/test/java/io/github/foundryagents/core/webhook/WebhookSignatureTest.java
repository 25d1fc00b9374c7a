package io.github.foundryagents.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final Secret secret = Secret.of("s3cret");

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
        assertThat(WebhookSignature.sign(secret, "1700000000", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
    }

    @Test
    void verifiesFreshAuthenticDeliveriesOnly() {
        byte[] body = "{\"taskId\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
        String signature = WebhookSignature.sign(secret, now, body);

        assertThat(WebhookSignature.verify(secret, now, body, signature, Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(Secret.of("other"), now, body, signature, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, now, "{}".getBytes(StandardCharsets.UTF_8), signature,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(secret, old, body, WebhookSignature.sign(secret, old, body),
                Duration.ofMinutes(5))).isFalse();
    }
}
