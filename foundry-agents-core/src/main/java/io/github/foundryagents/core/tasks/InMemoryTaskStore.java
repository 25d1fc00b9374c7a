package io.github.foundryagents.core.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A {@link TaskStore} in this process's memory. <strong>Not durable:</strong> records vanish when the process
 * ends and are not shared between instances; use it for tests and single-process apps. Thread-safe.
 */
public final class InMemoryTaskStore implements TaskStore {

    private final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();

    @Override
    public void create(TaskRecord task) {
        if (tasks.putIfAbsent(task.id(), task) != null) {
            throw new IllegalStateException("task " + task.id() + " exists already");
        }
    }

    @Override
    public Optional<TaskRecord> get(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public List<TaskRecord> listByOwner(String owner, int limit) {
        return tasks.values().stream().filter(t -> t.owner().equals(owner))
                .sorted(Comparator.comparing(TaskRecord::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<TaskRecord> markProcessing(String id, Instant at) {
        return transition(id, t -> t.processing(at));
    }

    @Override
    public Optional<TaskRecord> markCompleted(String id, TaskResult result, Instant at) {
        return transition(id, t -> t.completed(result, at));
    }

    @Override
    public Optional<TaskRecord> markFailed(String id, String error, Instant at) {
        return transition(id, t -> t.failed(error, at));
    }

    private Optional<TaskRecord> transition(String id, UnaryOperator<TaskRecord> change) {
        TaskRecord[] applied = new TaskRecord[1];
        tasks.computeIfPresent(id, (key, current) -> {
            if (current.status().isTerminal()) {
                return current;
            }
            applied[0] = change.apply(current);
            return applied[0];
        });
        return Optional.ofNullable(applied[0]);
    }
}
