package io.github.foundryagents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.core.tasks.NewJob;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.support.TestRedis;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Microsoft Entra ID authentication the way Azure Managed Redis does it, against the local Redis: the test creates
 * an ACL user named like a principal's object id whose password is the current access token (and removes it
 * afterwards). Tokens come from a {@link TokenCredential} that issues them like Entra ID would; the queue, its
 * workers and their reconnects authenticate through {@link EntraIdRedisCredentials}.
 */
class EntraIdRedisCredentialsTest {

    private final String objectId = "entra-" + UUID.randomUUID();
    private final String queueName = TestRedis.uniqueQueue("entra");
    private final RedisCommands<String, String> admin = TestRedis.client().connect().sync();
    private final AtomicReference<String> currentToken = new AtomicReference<>("token-1");
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        admin.aclDeluser(objectId);
        TestRedis.deleteQueue("bull", queueName);
        admin.getStatefulConnection().close();
    }

    private void allowUser(String token) {
        admin.aclSetuser(objectId, new AclSetuserArgs().on().resetpass().addPassword(token).resetKeys()
                .keyPattern("bull:" + queueName + ":*").resetChannels().allCommands());
    }

    /** Issues the current token for the Redis scope, valid for {@code lifetime}, counting what it issues. */
    private TokenCredential entraId(Duration lifetime) {
        return request -> {
            assertThat(request.getScopes()).containsExactly(EntraIdRedisCredentials.SCOPE);
            tokensIssued.incrementAndGet();
            return Mono.just(new AccessToken(currentToken.get(), OffsetDateTime.now().plus(lifetime)));
        };
    }

    /** The Redis under test without user or password in the URL: credentials come from the supplier only. */
    private static String urlWithoutPassword() {
        RedisURI base = RedisURI.create(TestRedis.url());
        return (base.isSsl() ? "rediss" : "redis") + "://" + base.getHost() + ":" + base.getPort() + "/"
                + base.getDatabase();
    }

    private RedisTaskQueue queue(TokenCredential credential) {
        RedisClient client = RedisConnections.client(urlWithoutPassword(),
                new EntraIdRedisCredentials(credential, objectId));
        closeables.add(client::shutdown);
        RedisTaskQueue queue = RedisTaskQueue.builder().client(client).queue(queueName).build();
        closeables.add(queue);
        return queue;
    }

    private Worker worker(RedisTaskQueue queue) {
        Worker worker = queue.createWorker(job -> "ran as " + objectId, WorkerOptions.builder().noLimiter()
                .drainDelay(Duration.ofMillis(200)).build());
        closeables.add(() -> worker.close(Duration.ofSeconds(5)));
        return worker;
    }

    private static void awaitCompleted(RedisTaskQueue queue, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (queue.getJob(id).map(j -> j.state() != JobState.COMPLETED).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " did not complete: " + queue.getJob(id));
            }
            Thread.sleep(20);
        }
    }

    private static List<String> causes(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private long connectionsOfUser() {
        return admin.clientList().lines().filter(l -> l.contains(" user=" + objectId + " ")).count();
    }

    @Test
    void aTokenAuthenticatesTheQueueAndItsWorkersAndIsReusedUntilNearExpiry() throws Exception {
        allowUser("token-1");
        RedisTaskQueue queue = queue(entraId(Duration.ofHours(1)));
        worker(queue);

        String id = queue.add(NewJob.of("n", Json.object().put("n", 1)));

        awaitCompleted(queue, id);
        assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isEqualTo("\"ran as " + objectId + "\"");
        assertThat(connectionsOfUser()).as("the queue's and the worker's connections").isGreaterThanOrEqualTo(2);
        assertThat(tokensIssued.get()).as("one token serves every connection until five minutes before expiry")
                .isEqualTo(1);
    }

    @Test
    void reconnectsAfterARotationAuthenticateWithTheNewToken() throws Exception {
        allowUser("token-1");
        // Four minutes left: inside the refresh margin, so every (re)connect asks Entra ID for the current token.
        RedisTaskQueue queue = queue(entraId(Duration.ofMinutes(4)));
        worker(queue);
        awaitCompleted(queue, queue.add(NewJob.of("n", Json.object().put("n", 1))));
        int issuedBefore = tokensIssued.get();

        currentToken.set("token-2");
        allowUser("token-2");
        assertThat(admin.clientKill(new KillArgs().user(objectId))).as("connections dropped").isPositive();
        String afterRotation = queue.add(NewJob.of("n", Json.object().put("n", 2)));

        awaitCompleted(queue, afterRotation);
        assertThat(tokensIssued.get()).isGreaterThan(issuedBefore);
        assertThat(connectionsOfUser()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTokenRedisDoesNotAcceptFailsTheConnectionWithRedisReason() {
        allowUser("token-1");
        currentToken.set("not-the-token");

        assertThatThrownBy(() -> queue(entraId(Duration.ofHours(1)))).isInstanceOf(RedisConnectionException.class)
                .satisfies(e -> assertThat(causes(e)).as(stackTrace(e)).anyMatch(m -> m.contains("WRONGPASS")));
        EntraIdRedisCredentials credentials = new EntraIdRedisCredentials(entraId(Duration.ofHours(1)), objectId);
        assertThat(new String(credentials.resolveCredentials().block().getPassword())).isEqualTo("not-the-token");
        assertThat(credentials.toString()).doesNotContain("not-the-token").contains("****");
    }
}
