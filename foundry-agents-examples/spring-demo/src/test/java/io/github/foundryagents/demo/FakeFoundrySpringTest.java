package io.github.foundryagents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Shown in docs/testkit.md ("In Spring tests") and docs/migration.md (Hono routes); checked by DocSnippetsTest.
// snippet: spring#fake-tasks-test
@SpringBootTest(classes = SpringDemo.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "foundry.agents.queue.type=in-memory", "foundry.agents.tasks.store=in-memory",
        "foundry.agents.usage.store=in-memory",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@Import(FakeFoundrySpringTest.FakeEntraId.class)
class FakeFoundrySpringTest {

    static final FakeFoundry fake = FakeFoundry.start();

    @DynamicPropertySource
    static void azure(DynamicPropertyRegistry registry) {
        registry.add("foundry.agents.endpoint", () -> fake.endpoint().toString());
        registry.add("foundry.agents.grounded.project-endpoint", () -> fake.projectEndpoint().toString());
    }

    @TestConfiguration
    static class FakeEntraId {
        @Bean
        TokenCredential fakeCredential() {                     // the starter uses the application's credential
            return new FakeTokenCredential();
        }
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aQueuedTaskIsAnsweredByTheFake() throws Exception {
        fake.chat().enqueue(Reply.text("Three competitors matter: A, B and C."));
        HttpClient http = HttpClient.newHttpClient();
        String alice = "Basic " + Base64.getEncoder().encodeToString("alice:alice-pass".getBytes(StandardCharsets.UTF_8));

        var accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tasks"))
                .header("Authorization", alice).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"prompt\": \"Research our competitors\", \"context\": {\"region\": \"EU\"}}"))
                .build(), BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);               // {"taskId": "task-…", "status": "queued"}
        URI task = URI.create("http://127.0.0.1:" + port).resolve(accepted.headers().firstValue("Location").orElseThrow());

        String body = "";
        for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos(); System.nanoTime() < end
                && !body.contains("\"completed\""); Thread.sleep(100)) {
            body = http.send(HttpRequest.newBuilder(task).header("Authorization", alice).build(),
                    BodyHandlers.ofString()).body();
        }
        assertThat(body).contains("\"status\":\"completed\"", "Three competitors matter");
    }
}
// end-snippet
