package io.github.foundryagents.spring.jdbc;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.TaskStore;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link TaskStore} in PostgreSQL (table {@code foundry_task}, see the starter's migration). Every transition is
 * one conditional {@code UPDATE … WHERE status IN ('pending','processing') RETURNING *}: PostgreSQL re-checks the
 * condition on the latest row version after waiting for a concurrent writer, so of several workers finishing one
 * task exactly one succeeds, and a re-delivered job cannot move a finished task back. A trigger refuses backward
 * moves from any other writer too. Thread-safe.
 */
public final class JdbcTaskStore implements TaskStore {

    private static final String OPEN = "status IN ('pending', 'processing')";

    private final JdbcClient jdbc;

    /**
     * @param dataSource a PostgreSQL data source whose schema holds {@code foundry_task}
     */
    public JdbcTaskStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void create(TaskRecord task) {
        try {
            jdbc.sql("""
                    INSERT INTO foundry_task (id, owner, agent, prompt, context_json, webhook_url, status, attempts,
                        created_at)
                    VALUES (:id, :owner, :agent, :prompt, :context, :webhook, :status, :attempts, :created)""")
                    .param("id", task.id()).param("owner", task.owner()).param("agent", task.agent())
                    .param("prompt", task.prompt()).param("context", task.contextJson())
                    .param("webhook", task.webhookUrl()).param("status", task.status().wireName())
                    .param("attempts", task.attempts()).param("created", time(task.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("task " + task.id() + " exists already", e);
        }
    }

    @Override
    public Optional<TaskRecord> get(String id) {
        return jdbc.sql("SELECT * FROM foundry_task WHERE id = :id").param("id", id).query(JdbcTaskStore::row)
                .optional();
    }

    @Override
    public Optional<TaskRecord> get(String owner, String id) {
        return jdbc.sql("SELECT * FROM foundry_task WHERE id = :id AND owner = :owner").param("id", id)
                .param("owner", owner).query(JdbcTaskStore::row).optional();
    }

    @Override
    public List<TaskRecord> listByOwner(String owner, int limit) {
        return jdbc.sql("SELECT * FROM foundry_task WHERE owner = :owner ORDER BY created_at DESC LIMIT :limit")
                .param("owner", owner).param("limit", limit).query(JdbcTaskStore::row).list();
    }

    @Override
    public Optional<TaskRecord> markProcessing(String id, Instant at) {
        return jdbc.sql("UPDATE foundry_task SET status = 'processing', attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, :at) WHERE id = :id AND " + OPEN + " RETURNING *")
                .param("id", id).param("at", time(at)).query(JdbcTaskStore::row).optional();
    }

    @Override
    public Optional<TaskRecord> markCompleted(String id, TaskResult result, Instant at) {
        TokenUsage usage = result.usage();
        return jdbc.sql("UPDATE foundry_task SET status = 'completed', result = :result, error = NULL,"
                + " prompt_tokens = :prompt, completion_tokens = :completion, total_tokens = :total,"
                + " deployments = :deployments, started_at = COALESCE(started_at, :at), completed_at = :at"
                + " WHERE id = :id AND " + OPEN + " RETURNING *")
                .param("id", id).param("result", result.text()).param("prompt", usage.promptTokens())
                .param("completion", usage.completionTokens()).param("total", usage.totalTokens())
                .param("deployments", result.deployments().toArray(String[]::new)).param("at", time(at))
                .query(JdbcTaskStore::row).optional();
    }

    @Override
    public Optional<TaskRecord> markFailed(String id, String error, Instant at) {
        return jdbc.sql("UPDATE foundry_task SET status = 'failed', error = :error, result = NULL,"
                + " started_at = COALESCE(started_at, :at), completed_at = :at WHERE id = :id AND " + OPEN
                + " RETURNING *")
                .param("id", id).param("error", error).param("at", time(at)).query(JdbcTaskStore::row).optional();
    }

    @Override
    public String toString() {
        return "JdbcTaskStore{foundry_task}";
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static TaskRecord row(ResultSet rs, int rowNum) throws SQLException {
        Array deployments = rs.getArray("deployments");
        List<String> names = deployments == null ? List.of() : List.of((String[]) deployments.getArray());
        return new TaskRecord(rs.getString("id"), rs.getString("owner"), rs.getString("agent"), rs.getString("prompt"),
                rs.getString("context_json"), rs.getString("webhook_url"), TaskStatus.fromWire(rs.getString("status")),
                rs.getString("result"), rs.getString("error"), new TokenUsage(rs.getLong("prompt_tokens"),
                        rs.getLong("completion_tokens"), rs.getLong("total_tokens")),
                names, rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"));
    }
}
