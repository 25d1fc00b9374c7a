package io.github.foundryagents.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.spring.support.TestPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration's indexes exist and PostgreSQL's planner uses them for the stores' owner-scoped queries, on a
 * real server with enough rows (10,000 tasks and 20,000 usage rows of 100 users) that a full scan would cost more.
 */
class JdbcIndexesTest {

    private final String schema = TestPostgres.newSchema("indexes");
    private final DataSource dataSource = TestPostgres.dataSource(schema);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    JdbcIndexesTest() {
        FoundrySchema.prepare(dataSource, true);
    }

    @AfterEach
    void dropSchema() {
        TestPostgres.dropSchema(schema);
    }

    @Test
    void theOwnerAndMonthlyUsageIndexesExist() {
        Map<String, String> indexes = jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = :s")
                .param("s", schema).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(indexes.get("foundry_task_owner_created")).contains("(owner, created_at DESC)");
        assertThat(indexes.get("foundry_usage_user_time")).contains("(user_id, recorded_at)")
                .contains("INCLUDE (prompt_tokens, completion_tokens, total_tokens, cost_input, cost_output,"
                        + " currency)");
    }

    @Test
    void theStoresOwnerScopedQueriesUseTheIndexes() {
        jdbc.sql("""
                INSERT INTO foundry_task (id, owner, agent, prompt, context_json, status, created_at)
                SELECT 't' || g, 'user-' || (g % 100), 'tools', 'p', '{}', 'completed',
                    timestamptz '2026-01-01' + g * interval '1 minute'
                FROM generate_series(1, 10000) g""").update();
        jdbc.sql("""
                INSERT INTO foundry_usage (recorded_at, user_id, operation, deployment, prompt_tokens,
                    completion_tokens, total_tokens, cost_input, cost_output, currency)
                SELECT timestamptz '2026-01-01' + g * interval '5 minutes', 'user-' || (g % 100), 'chat', 'gpt-4o',
                    10, 5, 15, 0.001, 0.002, 'USD'
                FROM generate_series(1, 20000) g""").update();
        jdbc.sql("VACUUM ANALYZE foundry_task").update();
        jdbc.sql("VACUUM ANALYZE foundry_usage").update();

        String taskList = plan("SELECT * FROM foundry_task WHERE owner = 'user-7' ORDER BY created_at DESC LIMIT 20");
        String taskById = plan("SELECT * FROM foundry_task WHERE id = 't77' AND owner = 'user-77'");
        String monthly = plan("""
                SELECT currency, count(*) AS calls, sum(prompt_tokens) AS prompt, sum(completion_tokens) AS completion,
                    sum(total_tokens) AS total, sum(cost_input) AS cost_in, sum(cost_output) AS cost_out
                FROM foundry_usage WHERE user_id = 'user-7' AND recorded_at >= timestamptz '2026-02-01'
                GROUP BY currency""");

        assertThat(taskList).contains("Index Scan using foundry_task_owner_created").doesNotContain("Seq Scan")
                .doesNotContain("Sort");
        assertThat(taskById).contains("foundry_task_pkey").doesNotContain("Seq Scan");
        assertThat(monthly).contains("Index Only Scan using foundry_usage_user_time").doesNotContain("Seq Scan");
    }

    private String plan(String sql) {
        List<String> lines = jdbc.sql("EXPLAIN " + sql).query((rs, n) -> rs.getString(1)).list();
        return String.join("\n", lines);
    }
}
