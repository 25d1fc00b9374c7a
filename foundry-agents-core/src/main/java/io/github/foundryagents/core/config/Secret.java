package io.github.foundryagents.core.config;

import java.util.Objects;

/**
 * A secret value (API key, webhook secret) that never shows in {@code toString()}, logs or exception messages.
 *
 * <p>Immutable and thread-safe. Call {@link #reveal()} only at the point where the value leaves the process
 * (an HTTP header, an HMAC key).
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the secret, not blank
     * @return the wrapped secret
     * @throws IllegalArgumentException when the value is null or blank
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** @return the secret value; never log or print it */
    public String reveal() {
        return value;
    }

    /** @return a fixed mask, never the value */
    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
