package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone fake, as another language's test suite would start it: a separate process on a given port. */
class FakeFoundryMainTest {

    private static final Pattern ENDPOINT = Pattern.compile("listening on (http://\\S+) ");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesOnTheGivenPortWithExtraDeploymentsAnApiKeyAndAScaledQuota() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeFoundryMain.class.getName(),
                "--port", Integer.toString(port), "--deployment", "my-gpt=gpt-4o-2024-11-20",
                "--api-key", "secret-key", "--quota", "my-gpt=1000", "--minute-ms", "60000"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = ENDPOINT.matcher(line == null ? "" : line);
            assertThat(m.find()).as("first line: %s", line).isTrue();
            String endpoint = m.group(1);
            assertThat(endpoint).endsWith(":" + port);
            assertThat(line).contains("AZURE_OPENAI_ENDPOINT=" + endpoint, "PROJECT_ENDPOINT=");

            HttpResponse<String> answered = chat(endpoint, "my-gpt", "secret-key");
            assertThat(answered.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(answered.body());
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o-2024-11-20");
            assertThat(RawClient.header(answered, "x-ratelimit-remaining-tokens"))
                    .as("1,000 TPM less this call's estimate").isLessThan(1_000);

            assertThat(chat(endpoint, "my-gpt", "wrong-key").statusCode()).isEqualTo(401);
            assertThat(chat(endpoint, "gpt-4o", "secret-key").statusCode()).as("the defaults stay").isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesUnknownOptionsSayingHowToGetHelp() throws Exception {
        assertThatThrownBy(() -> FakeFoundryMain.main(new String[] {"--prot", "1"}))
                .hasMessage("unknown option --prot (try --help)");
        assertThatThrownBy(() -> FakeFoundryMain.main(new String[] {"--port"}))
                .hasMessage("--port needs a value");
    }

    private HttpResponse<String> chat(String endpoint, String deployment, String key) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("api-key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RawClient.body(deployment, 50))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
