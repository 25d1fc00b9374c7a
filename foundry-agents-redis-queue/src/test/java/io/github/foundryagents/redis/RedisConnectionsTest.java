package io.github.foundryagents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.redis.support.TestRedis;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code REDIS_URL} forms: TLS ({@code rediss://}), user and password in the URL, and
 * {@link RedisConnections#fromEnvironment()}; the password-protected user is a real ACL user on the Redis under
 * test, created here and removed afterwards.
 */
class RedisConnectionsTest {

    private final String user = "app-" + UUID.randomUUID();
    private final String password = "pw-" + UUID.randomUUID();
    private final RedisCommands<String, String> admin = TestRedis.client().connect().sync();

    @AfterEach
    void removeUser() {
        admin.aclDeluser(user);
        admin.getStatefulConnection().close();
    }

    private String urlAs(String name, String secret) {
        RedisURI base = RedisURI.create(TestRedis.url());
        return "redis://" + name + ":" + secret + "@" + base.getHost() + ":" + base.getPort() + "/"
                + base.getDatabase();
    }

    private void createUser() {
        admin.aclSetuser(user, new AclSetuserArgs().on().resetpass().addPassword(password).allKeys()
                .allCommands());
    }

    private static RedisCredentials credentialsOf(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void redissUrlsUseVerifiedTlsAndCarryUserPasswordAndDatabase() {
        RedisURI uri = RedisConnections.uri("rediss://app-user:s3cret@cache.westeurope.redis.azure.net:10000/2",
                null);

        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getVerifyMode()).isEqualTo(io.lettuce.core.SslVerifyMode.FULL);
        assertThat(uri.getHost()).isEqualTo("cache.westeurope.redis.azure.net");
        assertThat(uri.getPort()).isEqualTo(10000);
        assertThat(uri.getDatabase()).isEqualTo(2);
        RedisCredentials credentials = credentialsOf(uri);
        assertThat(credentials.getUsername()).isEqualTo("app-user");
        assertThat(new String(credentials.getPassword())).isEqualTo("s3cret");
        assertThat(uri.toString()).doesNotContain("s3cret");

        RedisURI plain = RedisConnections.uri("redis://:only-a-password@127.0.0.1", null);
        assertThat(plain.isSsl()).isFalse();
        assertThat(plain.getPort()).isEqualTo(6379);
        assertThat(credentialsOf(plain).getUsername()).isNull();
        assertThat(new String(credentialsOf(plain).getPassword())).isEqualTo("only-a-password");
    }

    @Test
    void otherSchemesAndUnparseableUrlsAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisConnections.uri("https://user:topsecret@cache.example:6380", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis:// or rediss://").hasMessageNotContaining("topsecret");
        for (String malformed : List.of("redis://user:topsecret@cache.example:port",
                "redis://user:topsecret@cache.example/not-a-db", "redis://user:topsecret@",
                "redis://user:topsecret@a b")) {
            assertThatThrownBy(() -> RedisConnections.uri(malformed, null)).as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("redis://[user:password@]host[:port][/db]")
                    .hasMessageNotContaining("topsecret");
        }
        assertThat(RedisConnections.uri("redis://[::1]:6380", null).getPort()).isEqualTo(6380);
    }

    @Test
    void aPasswordProtectedAclUserConnectsWithUserAndPasswordInTheUrl() {
        createUser();
        RedisClient client = RedisConnections.client(urlAs(user, password), null);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().aclWhoami()).isEqualTo(user);
            assertThat(c.sync().ping()).isEqualTo("PONG");
        } finally {
            client.shutdown();
        }

        RedisClient wrong = RedisConnections.client(urlAs(user, "not-" + password), null);
        try {
            assertThatThrownBy(wrong::connect).satisfies(e -> {
                StringBuilder all = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    all.append(t.getMessage()).append('\n');
                }
                assertThat(all.toString()).contains("WRONGPASS").doesNotContain(password);
            });
        } finally {
            wrong.shutdown();
        }
    }

    @Test
    void fromEnvironmentReadsRedisUrlAndSaysHowToSetItWhenMissing() {
        assertThatThrownBy(() -> RedisConnections.fromEnvironment(name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REDIS_URL is not set")
                .hasMessageContaining("rediss://");

        createUser();
        Map<String, String> environment = Map.of(RedisConnections.REDIS_URL, urlAs(user, password));
        RedisClient client = RedisConnections.fromEnvironment(environment::get);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().aclWhoami()).isEqualTo(user);
        } finally {
            client.shutdown();
        }
    }
}
