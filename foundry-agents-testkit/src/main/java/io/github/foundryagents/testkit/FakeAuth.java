package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Checks credentials the way Azure OpenAI does: an {@code api-key} header or {@code Authorization: Bearer}. Any
 * non-empty credential passes unless a specific key or token is required. Thread-safe after construction.
 */
final class FakeAuth {

    private final String requiredApiKey;
    private final String requiredToken;

    FakeAuth(String requiredApiKey, String requiredToken) {
        this.requiredApiKey = requiredApiKey;
        this.requiredToken = requiredToken;
    }

    /**
     * The Foundry Agent Service accepts only Microsoft Entra ID tokens ({@code Authorization: Bearer}).
     *
     * @return whether the request may proceed; when not, a 401 has been sent
     */
    boolean admitBearerOnly(FakeExchange ex) throws IOException {
        if (ex.header("Authorization") == null) {
            ObjectNode flat = Json.object().put("statusCode", 401).put("message", AzureMessages.INVALID_TOKEN);
            ex.sendJson(401, flat, Map.of("WWW-Authenticate", "Bearer"));
            return false;
        }
        return admit(ex);
    }

    /**
     * @return whether the request may proceed; when not, a 401 in Azure's form has been sent
     */
    boolean admit(FakeExchange ex) throws IOException {
        String key = ex.header("api-key");
        String authorization = ex.header("Authorization");
        if (key != null && !key.isBlank()) {
            if (requiredApiKey == null || requiredApiKey.equals(key)) {
                return true;
            }
            ex.sendError(401, "401", AzureMessages.INVALID_KEY, Map.of());
            return false;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty() && (requiredToken == null || requiredToken.equals(token))) {
                return true;
            }
        }
        if (authorization != null) {
            // Entra ID failures come in a flat envelope, unlike key failures.
            ObjectNode flat = Json.object().put("statusCode", 401).put("message", AzureMessages.INVALID_TOKEN);
            ex.sendJson(401, flat, Map.of("WWW-Authenticate", "Bearer"));
        } else {
            ex.sendError(401, "401", AzureMessages.INVALID_KEY, Map.of());
        }
        return false;
    }
}
