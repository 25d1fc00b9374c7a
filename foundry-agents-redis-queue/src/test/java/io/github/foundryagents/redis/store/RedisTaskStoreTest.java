package io.github.foundryagents.redis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.redis.support.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisTaskStoreTest {

    private final String prefix = TestRedis.uniqueQueue("store");
    private final RedisTaskStore store = new RedisTaskStore(TestRedis.client(), prefix, Duration.ofMinutes(5));
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @AfterEach
    void cleanUp() {
        store.close();
        TestRedis.deleteQueue(prefix, "task");
        TestRedis.deleteQueue(prefix, "owner");
    }

    @Test
    void roundTripsRecordsAndMovesOnlyForward() {
        store.create(TaskRecord.pending("t1", "alice", "default", "prompt", "{\"k\":1}", "https://x/h", t0));
        assertThat(store.markProcessing("t1", t0.plusSeconds(1))).isPresent();
        TaskRecord done = store.markCompleted("t1", new TaskResult("answer", new TokenUsage(1, 2, 3),
                List.of("gpt-4o")), t0.plusSeconds(3)).orElseThrow();

        assertThat(store.get("t1")).contains(done);
        assertThat(done.duration()).contains(Duration.ofSeconds(2));
        assertThat(store.markFailed("t1", "late", t0.plusSeconds(4))).isEmpty();
        assertThat(store.markProcessing("t1", t0.plusSeconds(5))).isEmpty();
        assertThat(store.get("t1").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThatThrownBy(() -> store.create(TaskRecord.pending("t1", "bob", "default", "p", "{}", null, t0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ownerScopedLookups() {
        store.create(TaskRecord.pending("t1", "alice", "default", "p", "{}", null, t0));
        store.create(TaskRecord.pending("t2", "alice", "default", "p", "{}", null, t0.plusSeconds(1)));

        assertThat(store.get("mallory", "t1")).isEmpty();
        assertThat(store.get("alice", "t1")).isPresent();
        assertThat(store.listByOwner("alice", 10)).extracting(TaskRecord::id).containsExactly("t2", "t1");
    }

    @Test
    void concurrentFinishersReachTheTerminalStatusExactlyOnce() throws Exception {
        store.create(TaskRecord.pending("race", "alice", "default", "p", "{}", null, t0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                results.add(pool.submit(() -> n % 2 == 0
                        ? store.markCompleted("race", new TaskResult("r" + n, null, null), t0).isPresent()
                        : store.markFailed("race", "e" + n, t0).isPresent()));
            }
            long applied = 0;
            for (Future<Boolean> f : results) {
                applied += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
