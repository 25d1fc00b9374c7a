package io.github.foundryagents.core.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatWire;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a cacheable call: the SHA-256 of a canonical JSON document holding everything that changes the
 * answer, namely the deployment, the API version, and the request body exactly as the transport sends it
 * (messages, temperature, top_p, max_tokens, seed, stop, tools, tool_choice, response_format), plus the user when
 * the cache is scoped per user. In-process fields (priority, timeout, tags, the cache opt-in) are not part of it.
 *
 * <p>Canonical means one serialisation per request: the library writes its own fields in a fixed order, and
 * objects you supply (tool parameter schemas, {@code response_format}) keep their property order, because that
 * order reaches the model and changes the answer (structured outputs emit properties in schema order). Two
 * schemas that differ only in property order are therefore two keys.
 *
 * <p>Keying on the prompt alone, as the guidance's example does, would let two deployments (a small and a large
 * model) share answers; the deployment is therefore always part of the key.
 *
 * @param value 64 lower-case hex digits
 */
public record CacheKey(String value) {

    /** Version of the key's document layout; bumping it invalidates every stored entry. */
    public static final int LAYOUT_VERSION = 1;

    /** Cloned for each key: looking the algorithm up costs more than hashing a short request. */
    private static final MessageDigest SHA_256 = sha256();

    /**
     * Validates the value.
     *
     * @param value 64 lower-case hex digits
     */
    public CacheKey {
        Objects.requireNonNull(value, "value");
        if (!isLowerHexSha256(value)) {
            throw new IllegalArgumentException("a cache key is a SHA-256 in lower-case hex, got '" + value + "'");
        }
    }

    /**
     * @param request the call, with its deployment resolved
     * @param apiVersion the API the transport speaks ({@code v1} or a dated api-version)
     * @param userScope the user the entry is private to, or {@code null} for an entry shared by all users
     * @return the key
     * @throws IllegalArgumentException when the request's deployment is not resolved yet
     */
    public static CacheKey of(ChatRequest request, String apiVersion, String userScope) {
        ObjectNode document = Json.object().put("layout", LAYOUT_VERSION);
        document.put("deployment", request.deployment().orElseThrow(() -> new IllegalArgumentException(
                "a cache key needs the resolved deployment: place the cache after the routing step")));
        document.put("api_version", Objects.requireNonNull(apiVersion, "apiVersion"));
        if (userScope != null) {
            document.put("user", userScope);
        }
        document.set("body", ChatWire.requestBody(request, null));
        MessageDigest sha256 = newSha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            Json.mapper().writeValue(out, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a cache key", e);
        }
        return new CacheKey(HexFormat.of().formatHex(sha256.digest()));
    }

    /** @return whether the value is 64 characters, each {@code 0-9} or {@code a-f} */
    private static boolean isLowerHexSha256(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
