package io.github.foundryagents.core.webhook;

import io.github.foundryagents.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, sent in
 * {@value WebhookNotifier#SIGNATURE_HEADER} with the timestamp (Unix seconds) in
 * {@value WebhookNotifier#TIMESTAMP_HEADER}. Receivers verify it with {@link #verify}. Stateless.
 */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /**
     * @param secret the shared secret
     * @param timestamp the timestamp header's value
     * @param body the exact request body
     * @return the signature header's value
     */
    public static String sign(Secret secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            byte[] digest = mac.doFinal(body);
            StringBuilder hex = new StringBuilder(PREFIX.length() + digest.length * 2).append(PREFIX);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Checks a received webhook: the signature matches (constant-time) and the timestamp is within
     * {@code tolerance} of now, which stops replays of old deliveries.
     *
     * @param secret the shared secret
     * @param timestamp the timestamp header's value
     * @param body the exact request body
     * @param signature the signature header's value
     * @param tolerance the largest accepted clock difference, e.g. 5 minutes
     * @return whether the delivery is authentic and fresh
     */
    public static boolean verify(Secret secret, String timestamp, byte[] body, String signature,
            Duration tolerance) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long skew = Math.abs(Instant.now().getEpochSecond() - sent);
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return skew <= tolerance.toSeconds()
                && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
