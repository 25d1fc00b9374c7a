package io.github.foundryagents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code bash foundry-agents-examples/spring-demo.sh --port P} as a user runs it: start on a free
 * port, submit a task as alice, poll until it completes, check that bob cannot see it, stop. Runs after
 * {@code package} (failsafe) and tells the script to use the jar that build just made; building from a clean clone is
 * what the script does when the jar is missing.
 */
class SpringDemoScriptIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theScriptStartsTheDemoAndATaskGoesFromPostToCompleted(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        int port = freePort();
        Path log = dir.resolve("spring-demo.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "foundry-agents-examples/spring-demo.sh", "--port",
                Integer.toString(port)).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("AZURE_OPENAI_ENDPOINT");
        builder.environment().put("SPRING_DEMO_SKIP_BUILD", "1"); // package built it just now
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
        } finally {
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
