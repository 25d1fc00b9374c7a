package io.github.foundryagents.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.spring.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcTaskStore} on a real PostgreSQL, in a schema of its own migrated by {@link FoundrySchema}. */
class JdbcTaskStoreTest {

    private final String schema = TestPostgres.newSchema("tasks");
    private final DataSource dataSource = TestPostgres.dataSource(schema);
    private final JdbcTaskStore store;
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    JdbcTaskStoreTest() {
        FoundrySchema.prepare(dataSource, true);
        store = new JdbcTaskStore(dataSource);
    }

    @AfterEach
    void dropSchema() {
        TestPostgres.dropSchema(schema);
    }

    @Test
    void roundTripsRecordsAndMovesOnlyForward() {
        store.create(TaskRecord.pending("t1", "alice", "tools", "prompt", "{\"k\":1}", "https://x.example/h", t0));
        TaskRecord processing = store.markProcessing("t1", t0.plusSeconds(1)).orElseThrow();
        assertThat(processing.status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(processing.attempts()).isEqualTo(1);
        TaskRecord done = store.markCompleted("t1", new TaskResult("answer", new TokenUsage(1, 2, 3),
                List.of("gpt-4o", "gpt-4o-mini")), t0.plusSeconds(3)).orElseThrow();

        assertThat(store.get("t1")).contains(done);
        assertThat(done.deployments()).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(done.usage()).isEqualTo(new TokenUsage(1, 2, 3));
        assertThat(done.duration()).contains(Duration.ofSeconds(2));
        assertThat(done.contextJson()).isEqualTo("{\"k\":1}");
        assertThat(store.markFailed("t1", "late", t0.plusSeconds(4))).isEmpty();
        assertThat(store.markProcessing("t1", t0.plusSeconds(5))).isEmpty();
        assertThat(store.get("t1").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThatThrownBy(() -> store.create(TaskRecord.pending("t1", "bob", "tools", "p", "{}", null, t0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");
    }

    @Test
    void failedTasksKeepTheirErrorAndAnUnknownIdChangesNothing() {
        store.create(TaskRecord.pending("t2", "alice", "tools", "p", "{}", null, t0));
        TaskRecord failed = store.markFailed("t2", "model refused", t0.plusSeconds(2)).orElseThrow();

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).isEqualTo("model refused");
        assertThat(failed.completedAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(store.markCompleted("nope", new TaskResult("x", null, null), t0)).isEmpty();
    }

    @Test
    void ownerScopedLookupsNewestFirst() {
        store.create(TaskRecord.pending("a1", "alice", "tools", "p", "{}", null, t0));
        store.create(TaskRecord.pending("a2", "alice", "tools", "p", "{}", null, t0.plusSeconds(1)));
        store.create(TaskRecord.pending("b1", "bob", "tools", "p", "{}", null, t0.plusSeconds(2)));

        assertThat(store.get("mallory", "a1")).isEmpty();
        assertThat(store.get("alice", "a1")).isPresent();
        assertThat(store.listByOwner("alice", 10)).extracting(TaskRecord::id).containsExactly("a2", "a1");
        assertThat(store.listByOwner("alice", 1)).extracting(TaskRecord::id).containsExactly("a2");
    }

    @Test
    void theDatabaseItselfRefusesMovingAFinishedTaskBack() {
        store.create(TaskRecord.pending("t3", "alice", "tools", "p", "{}", null, t0));
        store.markCompleted("t3", new TaskResult("done", null, null), t0);
        JdbcClient sql = JdbcClient.create(dataSource);

        assertThatThrownBy(() -> sql.sql("UPDATE foundry_task SET status = 'pending' WHERE id = 't3'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("terminal status");
        assertThatThrownBy(() -> sql.sql("UPDATE foundry_task SET result = 'other' WHERE id = 't3'").update())
                .isInstanceOf(DataAccessException.class);
        store.create(TaskRecord.pending("t4", "alice", "tools", "p", "{}", null, t0));
        store.markProcessing("t4", t0);
        assertThatThrownBy(() -> sql.sql("UPDATE foundry_task SET status = 'pending' WHERE id = 't4'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("back to pending");
        assertThat(store.get("t3").orElseThrow().result()).isEqualTo("done");
    }

    @Test
    void concurrentFinishersReachTheTerminalStatusExactlyOnce() throws Exception {
        store.create(TaskRecord.pending("race", "alice", "tools", "p", "{}", null, t0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
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

    @Test
    void migratingTwiceIsHarmlessAndUsesItsOwnHistoryTable() {
        FoundrySchema.prepare(dataSource, true);

        Integer applied = JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM " + FoundrySchema.HISTORY_TABLE + " WHERE success AND version = '1'")
                .query(Integer.class).single();
        assertThat(applied).isEqualTo(1);
    }
}
