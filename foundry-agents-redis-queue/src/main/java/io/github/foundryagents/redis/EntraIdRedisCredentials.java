package io.github.foundryagents.redis;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Microsoft Entra ID authentication for Azure Managed Redis / Azure Cache for Redis: the user name is the
 * identity's object (principal) id, the password a token for {@value #SCOPE}, fetched from a
 * {@link TokenCredential} (managed identity in production) and reused until five minutes before it expires.
 * Lettuce asks for credentials on every (re)connect. Thread-safe.
 */
public final class EntraIdRedisCredentials implements RedisCredentialsProvider {

    /** The token scope Azure Redis accepts. */
    public static final String SCOPE = "https://redis.azure.com/.default";
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final String objectId;
    private AccessToken token;

    /**
     * @param credential e.g. {@code new DefaultAzureCredentialBuilder().build()}
     * @param objectId the object (principal) id of the identity, registered as a Redis user
     */
    public EntraIdRedisCredentials(TokenCredential credential, String objectId) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.objectId = Objects.requireNonNull(objectId, "objectId");
    }

    @Override
    public Mono<RedisCredentials> resolveCredentials() {
        return Mono.fromCallable(() -> RedisCredentials.just(objectId, currentToken()));
    }

    private synchronized String currentToken() {
        if (token == null || token.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY).isBefore(OffsetDateTime.now())) {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        }
        return token.getToken();
    }

    @Override
    public String toString() {
        return "EntraIdRedisCredentials{objectId=" + objectId + ", token=****}";
    }
}
