package io.github.foundryagents.redis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.support.OwnRedisServer;
import io.github.foundryagents.redis.support.ReplyCuttingProxy;
import io.github.foundryagents.redis.support.ReplyCuttingProxy.Cut;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes whose reply never arrives: Redis applied them, then the connection broke (re-sent by the driver after
 * a clean close, retried by the store after a reset). The store must report them as applied — once.
 */
class RedisTaskStoreLostReplyTest {

    private final OwnRedisServer server = OwnRedisServer.startWithAppendOnly();
    private final ReplyCuttingProxy proxy = new ReplyCuttingProxy(server.port());
    private final RedisClient client = RedisConnections.client(proxy.url(), null);
    private final RedisTaskStore store = new RedisTaskStore(client, "lost", Duration.ofHours(1));
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @AfterEach
    void stop() {
        store.close();
        client.shutdown();
        proxy.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aCreateWhoseReplyWasLostStillSucceeds(Cut cut) {
        proxy.loseReplyTo("prompt-create-1", cut);

        store.create(TaskRecord.pending("t1", "alice", "default", "prompt-create-1", "{}", null, t0));

        assertThat(proxy.dropped()).isEqualTo(1);
        assertThat(store.get("t1").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(store.listByOwner("alice", 10)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aTerminalTransitionWhoseReplyWasLostIsReportedAsAppliedOnce(Cut cut) {
        store.create(TaskRecord.pending("t2", "alice", "default", "p", "{}", null, t0));
        store.markProcessing("t2", t0.plusSeconds(1)).orElseThrow();
        proxy.loseReplyTo("answer-lost-reply", cut);

        Optional<TaskRecord> done = store.markCompleted("t2", new TaskResult("answer-lost-reply",
                new TokenUsage(1, 2, 3), List.of("gpt-4o")), t0.plusSeconds(2));

        assertThat(proxy.dropped()).isEqualTo(1);
        assertThat(done).as("the caller learns that its transition applied").isPresent();
        assertThat(store.get("t2").orElseThrow().result()).isEqualTo("answer-lost-reply");
        assertThat(store.markFailed("t2", "late", t0.plusSeconds(3))).isEmpty();
    }
}
