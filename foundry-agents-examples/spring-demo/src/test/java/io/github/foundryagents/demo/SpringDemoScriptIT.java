package io.github.foundryagents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.spring.support.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Smoke test of {@code bash foundry-agents-examples/spring-demo.sh --port P} as a user runs it, in each of its
 * storage modes: start on a free port, submit a task as alice, poll until it completes, check that bob cannot see
 * it and that the task went through the configured store or queue, stop. Runs after
 * {@code package} (failsafe) and tells the script to use the jar that build just made; building from a clean clone is
 * what the script does when the jar is missing.
 */
class SpringDemoScriptIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param mode the demo's storage: nothing set (in memory), {@code JDBC_URL} (PostgreSQL task and usage stores,
     *     seen in the {@code foundry_task} table) or {@code REDIS_URL} (the BullMQ queue, seen in its job hash)
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"in-memory", "JDBC_URL", "REDIS_URL"})
    void theScriptStartsTheDemoAndATaskGoesFromPostToCompleted(String mode, @TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        int port = freePort();
        Path log = dir.resolve("spring-demo.log");
        String queue = "demo-script-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessBuilder builder = new ProcessBuilder("bash", "foundry-agents-examples/spring-demo.sh", "--port",
                Integer.toString(port), "--foundry.agents.queue.name=" + queue).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("AZURE_OPENAI_ENDPOINT");
        builder.environment().remove("JDBC_URL");
        builder.environment().remove("REDIS_URL");
        builder.environment().put("SPRING_DEMO_SKIP_BUILD", "1"); // package built it just now
        String schema = mode.equals("JDBC_URL") ? TestPostgres.newSchema("demo_script") : null;
        if (schema != null) {
            builder.environment().put("JDBC_URL", TestPostgres.url(schema));
        } else if (mode.equals("REDIS_URL")) {
            builder.environment().put("REDIS_URL", TestRedis.url());
        }
        Process demo = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp(base, demo, log);
            assertThat(Files.readString(log)).contains("NOT FOR PRODUCTION");

            HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Hello from the smoke test\"}")), "alice");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            String id = json(submitted).path("taskId").asText();

            JsonNode task = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                task = json(send(HttpRequest.newBuilder(URI.create(base + "/tasks/" + id)).GET(), "alice"));
                if (task.path("status").asText().equals("completed")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(task.path("status").asText()).isEqualTo("completed");
            assertThat(task.path("result").asText()).contains("Hello from the smoke test");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/tasks/" + id)).GET(), "bob").statusCode())
                    .isEqualTo(404);
            if (schema != null) {
                assertThat(JdbcClient.create(TestPostgres.dataSource(schema))
                        .sql("SELECT status FROM foundry_task WHERE id = :id").param("id", id).query(String.class)
                        .single()).isEqualTo("completed");
            } else if (mode.equals("REDIS_URL")) {
                try (var redis = TestRedis.client().connect()) {
                    assertThat(redis.sync().hget("bull:" + queue + ":" + id, "finishedOn")).isNotNull();
                }
            }
        } finally {
            if (schema != null) {
                TestPostgres.dropSchema(schema);
            }
            TestRedis.deleteQueue("bull", queue);
            demo.toHandle().descendants().forEach(ProcessHandle::destroy);
            demo.destroy();
            if (!demo.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private void awaitUp(String base, Process demo, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // a first run builds the demo
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                throw new AssertionError("spring-demo.sh exited with " + demo.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo did not answer on " + base + ":\n" + Files.readString(log));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
