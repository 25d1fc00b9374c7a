package io.github.foundryagents.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Creates Lettuce clients from a Redis URL, the way the library's deployments are configured: {@value #REDIS_URL}
 * holds {@code redis://[user:password@]host[:port][/db]} or {@code rediss://…} (TLS, e.g. Azure Managed Redis on
 * port 10000). For Microsoft Entra ID authentication leave the password out and pass
 * {@link EntraIdRedisCredentials} as the credentials provider. Stateless.
 */
public final class RedisConnections {

    /** The environment variable holding the Redis URL. */
    public static final String REDIS_URL = "REDIS_URL";

    private RedisConnections() {
    }

    /**
     * @return a client for {@value #REDIS_URL}
     * @throws IllegalStateException when the variable is not set
     */
    public static RedisClient fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** {@link #fromEnvironment()} with the environment given, so tests need not change the process's. */
    static RedisClient fromEnvironment(UnaryOperator<String> environment) {
        String url = environment.apply(REDIS_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(REDIS_URL + " is not set: set it to redis://host:6379 or"
                    + " rediss://<name>.<region>.redis.azure.net:10000");
        }
        return client(url, null);
    }

    /**
     * @param url {@code redis://…} or {@code rediss://…}
     * @param credentials a credentials provider (e.g. {@link EntraIdRedisCredentials}), or {@code null} to use
     *     the URL's user and password
     * @return a client that reconnects by itself; shut it down when done
     */
    public static RedisClient client(String url, RedisCredentialsProvider credentials) {
        RedisClient client = RedisClient.create(uri(url, credentials));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(10)).keepAlive(true).build())
                .build());
        return client;
    }

    /**
     * @param url {@code redis://…} or {@code rediss://…}
     * @param credentials a credentials provider, or {@code null}
     * @return the parsed URI
     * @throws IllegalArgumentException for other schemes or unparseable URLs (the message never shows the password)
     */
    public static RedisURI uri(String url, RedisCredentialsProvider credentials) {
        Objects.requireNonNull(url, "url");
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://, got '" + scheme
                    + "://…'");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Redis URL cannot be parsed (" + e.getClass().getSimpleName()
                    + "); expected redis://[user:password@]host[:port][/db]");
        }
        if (uri.getHost() != null && uri.getHost().contains(":") && !url.contains("[")) {
            // Lettuce reads "host:port" with a port that is not a number as a host name containing ':'
            throw new IllegalArgumentException("Redis URL has a port that is not a number (host '"
                    + uri.getHost() + "'); expected redis://[user:password@]host[:port][/db]");
        }
        if (credentials != null) {
            uri = RedisURI.builder(uri).withAuthentication(credentials).build();
        }
        return uri;
    }
}
