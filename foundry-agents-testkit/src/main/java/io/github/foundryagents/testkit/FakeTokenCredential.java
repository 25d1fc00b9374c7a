package io.github.foundryagents.testkit;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A Microsoft Entra ID credential for tests: hands out a fixed token valid for an hour and remembers the scopes
 * it was asked for. Thread-safe.
 */
public final class FakeTokenCredential implements TokenCredential {

    /** The token handed out by {@link #FakeTokenCredential()}. */
    public static final String DEFAULT_TOKEN = "fake-token";

    private final String token;
    private final List<List<String>> requestedScopes = new CopyOnWriteArrayList<>();

    /** A credential handing out {@value #DEFAULT_TOKEN}. */
    public FakeTokenCredential() {
        this(DEFAULT_TOKEN);
    }

    /** @param token the token to hand out */
    public FakeTokenCredential(String token) {
        this.token = token;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        requestedScopes.add(List.copyOf(request.getScopes()));
        return new AccessToken(token, OffsetDateTime.now().plusHours(1));
    }

    /** @return the scopes of every token request so far, in order */
    public List<List<String>> requestedScopes() {
        return List.copyOf(requestedScopes);
    }
}
