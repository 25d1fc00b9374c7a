package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest {

    private final InMemoryTaskStore store = new InMemoryTaskStore();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void transitionsOnlyMoveForward() {
        store.create(TaskRecord.pending("t1", "alice", "default", "p", "{}", null, t0));

        assertThat(store.markProcessing("t1", t0.plusSeconds(1))).get().extracting(TaskRecord::attempts)
                .isEqualTo(1);
        assertThat(store.markProcessing("t1", t0.plusSeconds(2))).get().extracting(TaskRecord::attempts)
                .isEqualTo(2);
        TaskRecord done = store.markCompleted("t1", new TaskResult("answer", new TokenUsage(3, 4, 7),
                List.of("gpt-4o")), t0.plusSeconds(5)).orElseThrow();

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.duration()).contains(Duration.ofSeconds(4));
        assertThat(store.markProcessing("t1", t0.plusSeconds(6))).isEmpty();
        assertThat(store.markFailed("t1", "late", t0.plusSeconds(7))).isEmpty();
        assertThat(store.markCompleted("t1", new TaskResult("again", null, null), t0.plusSeconds(8))).isEmpty();
        assertThat(store.get("t1").orElseThrow().result()).isEqualTo("answer");
    }

    @Test
    void lookupsAreScopedToTheOwner() {
        store.create(TaskRecord.pending("t1", "alice", "default", "p", "{}", null, t0));
        store.create(TaskRecord.pending("t2", "alice", "default", "p", "{}", null, t0.plusSeconds(1)));

        assertThat(store.get("alice", "t1")).isPresent();
        assertThat(store.get("mallory", "t1")).isEmpty();
        assertThat(store.listByOwner("alice", 10)).extracting(TaskRecord::id).containsExactly("t2", "t1");
        assertThat(store.listByOwner("mallory", 10)).isEmpty();
        assertThatThrownBy(() -> store.create(TaskRecord.pending("t1", "bob", "default", "p", "{}", null, t0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
