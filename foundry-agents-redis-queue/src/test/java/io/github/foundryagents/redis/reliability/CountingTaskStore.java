package io.github.foundryagents.redis.reliability;

import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A task store that reports every terminal transition it applied, so reliability tests can prove each task
 * finished exactly once.
 *
 * @param store the real store
 * @param terminal called with the task id after an applied completed/failed transition
 */
record CountingTaskStore(TaskStore store, Consumer<String> terminal) implements TaskStore {

    @Override
    public void create(TaskRecord task) {
        store.create(task);
    }

    @Override
    public Optional<TaskRecord> get(String id) {
        return store.get(id);
    }

    @Override
    public List<TaskRecord> listByOwner(String owner, int limit) {
        return store.listByOwner(owner, limit);
    }

    @Override
    public Optional<TaskRecord> markProcessing(String id, Instant at) {
        return store.markProcessing(id, at);
    }

    @Override
    public Optional<TaskRecord> markCompleted(String id, TaskResult result, Instant at) {
        Optional<TaskRecord> r = store.markCompleted(id, result, at);
        r.ifPresent(t -> terminal.accept(id));
        return r;
    }

    @Override
    public Optional<TaskRecord> markFailed(String id, String error, Instant at) {
        Optional<TaskRecord> r = store.markFailed(id, error, at);
        r.ifPresent(t -> terminal.accept(id));
        return r;
    }
}
