package io.github.foundryagents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.webhook.WebhookSignature;
import io.github.foundryagents.spring.support.TestPostgres;
import io.github.foundryagents.testkit.FakeFoundry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole path on the running demo application: HTTP requests as alice and bob → validation → PostgreSQL record
 * → queue → worker → fake Azure → PostgreSQL result → a signed webhook received over https by a local server, plus
 * every validation, ownership and quota refusal, and the Actuator endpoints. The webhook server is on loopback, so
 * the test allow-lists {@code localhost} explicitly; the default guard stays strict.
 */
class TasksApiApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long QUOTA = 1_000_000;

    @TempDir
    static Path dir;
    static HttpsHookReceiver hooks;
    static String schema;
    static ConfigurableApplicationContext app;
    static String base;
    static JdbcClient sql;

    @BeforeAll
    static void start() throws Exception {
        hooks = new HttpsHookReceiver(dir);
        schema = TestPostgres.newSchema("demo_app");
        app = SpringDemo.start("--server.port=0", "--spring.datasource.url=" + TestPostgres.url(schema),
                "--foundry.agents.queue.name=app-test-" + UUID.randomUUID(),
                "--foundry.agents.usage.monthly-token-limit=" + QUOTA,
                "--foundry.agents.webhook.allow=localhost",
                "--foundry.agents.webhook.ssl-bundle=hooks",
                "--spring.ssl.bundle.jks.hooks.truststore.location=file:" + hooks.trustStore(),
                "--spring.ssl.bundle.jks.hooks.truststore.password=" + HttpsHookReceiver.PASSWORD,
                "--spring.ssl.bundle.jks.hooks.truststore.type=PKCS12",
                "--logging.level.root=WARN");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        sql = JdbcClient.create(app.getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (hooks != null) {
            hooks.close();
        }
        TestPostgres.dropSchema(schema);
    }

    static HttpResponse<String> post(String user, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/tasks"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        auth(request, user);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String user, String body) throws Exception {
        return post(user, "application/json", body);
    }

    static HttpResponse<String> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        auth(request, user);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void auth(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8)));
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode awaitFinished(String user, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode task = json(get(user, "/tasks/" + id));
            if (task.path("status").asText().equals("completed") || task.path("status").asText().equals("failed")) {
                return task;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("task " + id + " did not finish");
    }

    /** Waits until no task of an earlier test is still pending or running, so counts taken now stay still. */
    static void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sql.sql("SELECT count(*) FROM foundry_task WHERE status IN ('pending', 'processing')")
                .query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tasks of earlier tests did not finish");
            }
            Thread.sleep(20);
        }
    }

    static long tasksInDatabase() {
        return sql.sql("SELECT count(*) FROM foundry_task").query(Long.class).single();
    }

    @Test
    void tasksRunForTheirOwnerWithTheirTierAndEndInPostgresAndASignedWebhook() throws Exception {
        HttpResponse<String> submitted = post("alice", "{\"prompt\":\"Summarise the EU orders\","
                + "\"context\":{\"region\":\"EU\"},\"webhookUrl\":\"" + hooks.url("/hooks/alice") + "\"}");
        assertThat(submitted.statusCode()).isEqualTo(202);
        JsonNode accepted = json(submitted);
        String id = accepted.path("taskId").asText();
        assertThat(accepted.path("status").asText()).isEqualTo("queued");
        assertThat(submitted.headers().firstValue("Location")).contains(base + "/tasks/" + id);
        String bobs = json(post("bob", "{\"prompt\":\"Hello from bob\"}")).path("taskId").asText();

        JsonNode done = awaitFinished("alice", id);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("result").asText()).startsWith("Fake reply from gpt-4o to: Summarise the EU orders");
        assertThat(done.path("usage").path("totalTokens").asLong()).isPositive();
        assertThat(done.path("deployments").get(0).asText()).isEqualTo("gpt-4o");
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
        assertThat(done.path("createdAt").asText()).isNotEmpty();
        assertThat(done.path("completedAt").asText()).isNotEmpty();
        assertThat(awaitFinished("bob", bobs).path("status").asText()).isEqualTo("completed");

        Map<String, Object> row = sql.sql("SELECT owner, status, result, total_tokens, context_json FROM foundry_task"
                + " WHERE id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("owner", "alice").containsEntry("status", "completed")
                .containsEntry("total_tokens", done.path("usage").path("totalTokens").asLong())
                .containsEntry("context_json", "{\"region\":\"EU\"}");
        TaskQueue queue = app.getBean(TaskQueue.class);
        assertThat(queue.getJob(id).orElseThrow().priority()).isEqualTo(1);
        assertThat(queue.getJob(bobs).orElseThrow().priority()).isEqualTo(10);
        FakeFoundry fake = app.getBean(FakeFoundry.class);
        assertThat(fake.journal().chatRequests()).anySatisfy(r -> assertThat(r.messages().get(0).path("content")
                .asText()).contains("\"region\":\"EU\""));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hooks.deliveries.stream().noneMatch(d -> d.path().equals("/hooks/alice")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        HttpsHookReceiver.Delivery delivery = hooks.deliveries.stream().filter(d -> d.path().equals("/hooks/alice"))
                .findFirst().orElseThrow();
        Secret secret = Secret.of(app.getEnvironment().getProperty("foundry.agents.webhook.secret"));
        assertThat(WebhookSignature.verify(secret, delivery.timestamp(), delivery.body(), delivery.signature(),
                Duration.ofMinutes(5))).isTrue();
        JsonNode event = Json.parse(delivery.body());
        assertThat(event.path("taskId").asText()).isEqualTo(id);
        assertThat(event.path("status").asText()).isEqualTo("completed");
        assertThat(event.path("response").asText()).isEqualTo(done.path("result").asText());
    }

    @Test
    void onlyTheOwnerSeesATaskAndAnonymousCallersAreRefused() throws Exception {
        String id = json(post("alice", "{\"prompt\":\"private question\"}")).path("taskId").asText();

        HttpResponse<String> asBob = get("bob", "/tasks/" + id);
        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(asBob.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(asBob).path("type").asText()).isEqualTo("urn:foundry-agents:problem:task-not-found");
        assertThat(asBob.body()).doesNotContain("alice").doesNotContain("private question");
        assertThat(get("alice", "/tasks/task-does-not-exist").statusCode()).isEqualTo(404);
        assertThat(get("alice", "/tasks/" + id).statusCode()).isEqualTo(200);
        assertThat(get(null, "/tasks/" + id).statusCode()).isEqualTo(401);
        assertThat(post(null, "{\"prompt\":\"hi\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void everyInvalidSubmissionIsRefusedWithFieldErrorsAndNothingIsStoredOrQueued() throws Exception {
        String longPrompt = "x".repeat(10_001);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{}", "prompt");
        cases.put("{\"prompt\":\"   \"}", "prompt");
        cases.put("{\"prompt\":\"" + longPrompt + "\"}", "prompt");
        cases.put("{\"prompt\":42}", "prompt");
        cases.put("{\"prompt\":\"ok\",\"context\":\"not an object\"}", "context");
        cases.put("{\"prompt\":\"ok\",\"context\":{\"blob\":\"" + "y".repeat(20_000) + "\"}}", "context");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"http://localhost:1/hook\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"/relative/hook\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"https://10.0.0.5/hook\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"https://169.254.169.254/latest/meta-data\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"https://127.0.0.1/hook\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":\"https://user:pw@localhost/hook\"}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"webhookUrl\":12}", "webhookUrl");
        cases.put("{\"prompt\":\"ok\",\"owner\":\"bob\"}", "owner");
        cases.put("this is not JSON", "");
        cases.put("[\"a\",\"b\"]", "");
        cases.put("", "");
        awaitIdle();
        long storedBefore = tasksInDatabase();
        int chatsBefore = app.getBean(FakeFoundry.class).journal().chatRequests().size();

        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post("alice", c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("type").asText()).isEqualTo("urn:foundry-agents:problem:invalid-task");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("errors").findValuesAsText("field")).as(c.getKey()).containsExactly(c.getValue());
        }
        HttpResponse<String> several = post("alice", "{\"prompt\":\"\",\"context\":[],\"webhookUrl\":\"ftp://x\"}");
        assertThat(json(several).path("errors").findValuesAsText("field"))
                .containsExactly("prompt", "context", "webhookUrl");
        assertThat(post("alice", "text/plain", "{\"prompt\":\"ok\"}").statusCode()).isEqualTo(415);

        assertThat(tasksInDatabase()).isEqualTo(storedBefore);
        assertThat(app.getBean(FakeFoundry.class).journal().chatRequests()).hasSize(chatsBefore);
        assertThat(post("alice", "{\"prompt\":\"" + "z".repeat(10_000) + "\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void aUserWhoseMonthlyQuotaIsSpentGets429AndNothingIsQueued() throws Exception {
        sql.sql("INSERT INTO foundry_usage (recorded_at, user_id, operation, deployment, prompt_tokens,"
                + " completion_tokens, total_tokens) VALUES (now(), 'bob', 'chat', 'gpt-4o', :t, 0, :t)")
                .param("t", QUOTA).update();
        try {
            long bobsBefore = sql.sql("SELECT count(*) FROM foundry_task WHERE owner = 'bob'").query(Long.class).single();

            HttpResponse<String> refused = post("bob", "{\"prompt\":\"one more\"}");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = json(refused);
            assertThat(problem.path("type").asText()).isEqualTo("urn:foundry-agents:problem:usage-limit-exceeded");
            assertThat(problem.path("limit").asLong()).isEqualTo(QUOTA);
            assertThat(sql.sql("SELECT count(*) FROM foundry_task WHERE owner = 'bob'").query(Long.class).single())
                    .isEqualTo(bobsBefore);
            assertThat(post("alice", "{\"prompt\":\"alice is fine\"}").statusCode()).isEqualTo(202);
        } finally {
            sql.sql("DELETE FROM foundry_usage WHERE user_id = 'bob' AND total_tokens = :t").param("t", QUOTA).update();
        }
    }

    @Test
    void genAiMetersAndTheHealthIndicatorAreInTheActuator() throws Exception {
        String id = json(post("alice", "{\"prompt\":\"count my tokens\"}")).path("taskId").asText();
        awaitFinished("alice", id);

        HttpResponse<String> tokens = get(null, "/actuator/metrics/gen_ai.client.token.usage");
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(json(tokens).path("measurements").findValuesAsText("statistic")).contains("TOTAL");
        assertThat(get(null, "/actuator/metrics/gen_ai.client.operation.duration").statusCode()).isEqualTo(200);
        JsonNode health = json(get(null, "/actuator/health"));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode foundry = health.path("components").path("foundryAgents");
        assertThat(foundry.path("status").asText()).isEqualTo("UP");
        assertThat(foundry.path("details").path("token").asText()).isEqualTo("obtained");
    }
}
