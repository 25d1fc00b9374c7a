package io.github.foundryagents.core.chat;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The rate-limit headers Azure sent with a response ({@code x-ratelimit-*}, {@code retry-after*}), kept raw with
 * typed accessors for the common ones.
 *
 * @param raw header name (lower case) to value, only rate-limit and retry headers
 */
public record RateLimitHeaders(Map<String, String> raw) {

    /** No headers. */
    public static final RateLimitHeaders NONE = new RateLimitHeaders(Map.of());

    /**
     * Copies and normalises the map.
     *
     * @param raw header name (lower case) to value, only rate-limit and retry headers
     */
    public RateLimitHeaders {
        Map<String, String> copy = new TreeMap<>();
        raw.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        raw = Map.copyOf(copy);
    }

    /**
     * @param name a header name, any case
     * @return whether the header is one this type keeps
     */
    public static boolean isRateLimitHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("x-ratelimit-") || n.equals("retry-after") || n.equals("retry-after-ms")
                || n.equals("x-ms-retry-after-ms");
    }

    /** @return {@code x-ratelimit-remaining-tokens}: tokens left in the deployment's current window */
    public OptionalLong remainingTokens() {
        return number("x-ratelimit-remaining-tokens");
    }

    /** @return {@code x-ratelimit-remaining-requests}: requests left in the deployment's current window */
    public OptionalLong remainingRequests() {
        return number("x-ratelimit-remaining-requests");
    }

    /** @return {@code x-ratelimit-limit-tokens}, when Azure sends it */
    public OptionalLong limitTokens() {
        return number("x-ratelimit-limit-tokens");
    }

    /** @return {@code x-ratelimit-limit-requests}, when Azure sends it */
    public OptionalLong limitRequests() {
        return number("x-ratelimit-limit-requests");
    }

    private OptionalLong number(String name) {
        String v = raw.get(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
