package io.github.foundryagents.core.http;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.foundryagents.core.CredentialUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Holds one Microsoft Entra ID token for one scope and refreshes it shortly before it expires, so concurrent
 * calls share a token instead of each asking the credential. Thread-safe.
 */
final class TokenCache {

    /** Refresh this long before expiry, like azure-core's own cache. */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final TokenRequestContext context;
    private final String scope;
    private final Clock clock;
    private AccessToken token;

    TokenCache(TokenCredential credential, String scope, Clock clock) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.context = new TokenRequestContext().addScopes(scope);
        this.clock = clock;
    }

    synchronized String token() {
        if (token == null || needsRefresh(token)) {
            token = fetch();
        }
        return token.getToken();
    }

    private boolean needsRefresh(AccessToken t) {
        OffsetDateTime refreshAt = t.getRefreshAt() != null ? t.getRefreshAt() : t.getExpiresAt().minus(REFRESH_MARGIN);
        return !OffsetDateTime.now(clock).isBefore(refreshAt);
    }

    private AccessToken fetch() {
        try {
            AccessToken t = credential.getTokenSync(context);
            if (t == null || t.getToken() == null) {
                throw new IllegalStateException("the credential returned no token");
            }
            return t;
        } catch (RuntimeException e) {
            throw new CredentialUnavailableException("Could not obtain a Microsoft Entra ID token for scope " + scope
                    + " (" + e.getClass().getSimpleName() + "). On Azure, assign a managed identity to the host and"
                    + " set AZURE_CLIENT_ID to its client id; locally, sign in with 'az login' (or azd / IntelliJ /"
                    + " VS Code) so DefaultAzureCredential can find you.", e);
        }
    }
}
