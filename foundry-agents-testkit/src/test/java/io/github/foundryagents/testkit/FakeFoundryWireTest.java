package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake's HTTP surface, checked with a plain JDK client so no foundry-agents code is involved. */
@WithFakeFoundry
class FakeFoundryWireTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakeFoundry fake;

    FakeFoundryWireTest(FakeFoundry fake) {
        this.fake = fake;
    }

    record Answer(int status, Map<String, String> headers, JsonNode body) {
    }

    private Answer post(String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.endpoint() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> h = new HashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
        return new Answer(r.statusCode(), h, Json.parse(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void v1PathAnswersWithAzuresCompletionShape() throws Exception {
        fake.chat().enqueue(Reply.text("Hello!"));

        Answer a = post("/openai/v1/chat/completions", CHAT, "api-key", "k");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers()).containsKeys("apim-request-id", "x-request-id", "content-type");
        JsonNode b = a.body();
        assertThat(b.path("object").asText()).isEqualTo("chat.completion");
        assertThat(b.path("id").asText()).startsWith("chatcmpl-");
        assertThat(b.path("created").asLong()).isPositive();
        assertThat(b.path("model").asText()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(b.path("system_fingerprint").isTextual()).isTrue();
        assertThat(b.path("prompt_filter_results").get(0).path("content_filter_results").path("jailbreak")
                .path("detected").asBoolean(true)).isFalse();
        JsonNode choice = b.path("choices").get(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.has("logprobs")).isTrue();
        assertThat(choice.path("content_filter_results").path("hate").path("severity").asText()).isEqualTo("safe");
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("Hello!");
        JsonNode usage = b.path("usage");
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
        assertThat(usage.path("prompt_tokens_details").has("cached_tokens")).isTrue();
    }

    @Test
    void deploymentPathNeedsAnApiVersionAndTakesTheDeploymentFromThePath() throws Exception {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        Answer withVersion = post("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21", body,
                "api-key", "k");
        Answer without = post("/openai/deployments/gpt-4o-mini/chat/completions", body, "api-key", "k");

        assertThat(withVersion.status()).isEqualTo(200);
        assertThat(withVersion.body().path("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(fake.journal().chatRequests().get(0).deployment()).isEqualTo("gpt-4o-mini");
        assertThat(without.status()).isEqualTo(404);
        assertThat(without.body().path("error").path("message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void unknownDeploymentIsAzures404DeploymentNotFound() throws Exception {
        Answer a = post("/openai/v1/chat/completions",
                "{\"model\":\"gpt4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "api-key", "k");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().path("error").path("code").asText()).isEqualTo("DeploymentNotFound");
        assertThat(a.body().path("error").path("message").asText())
                .startsWith("The API deployment for this resource does not exist.");
    }

    @Test
    void missingCredentialsAre401InAzuresKeyEnvelope() throws Exception {
        Answer a = post("/openai/v1/chat/completions", CHAT);

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.body().path("error").path("code").asText()).isEqualTo("401");
        assertThat(a.body().path("error").path("message").asText()).startsWith("Access denied due to invalid");
    }

    @Test
    void badBearerTokensAre401InTheFlatEntraEnvelope() throws Exception {
        try (FakeFoundry strict = FakeFoundry.builder().requireBearerToken("good").start()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create(strict.endpoint() + "/openai/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).header("Authorization", "Bearer bad").build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.parse(r.body().getBytes(StandardCharsets.UTF_8));

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(body.path("statusCode").asInt()).isEqualTo(401);
            assertThat(body.has("error")).isFalse();
            assertThat(body.path("message").asText()).contains("audience is incorrect");
        }
    }

    @Test
    void malformedJsonAndMissingMessagesAre400InvalidRequest() throws Exception {
        Answer notJson = post("/openai/v1/chat/completions", "{oops", "api-key", "k");
        Answer noMessages = post("/openai/v1/chat/completions", "{\"model\":\"gpt-4o\"}", "api-key", "k");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(noMessages.status()).isEqualTo(400);
        assertThat(noMessages.body().path("error").path("param").asText()).isEqualTo("messages");
    }

    @Test
    void scriptedErrorsUseAzuresEnvelopeAndHeaders() throws Exception {
        fake.chat().enqueue(Reply.rateLimited(Duration.ofMillis(1500)), Reply.contentFilterRefusal());

        Answer limited = post("/openai/v1/chat/completions", CHAT, "api-key", "k");
        Answer filtered = post("/openai/v1/chat/completions", CHAT, "api-key", "k");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsEntry("retry-after-ms", "1500").containsEntry("retry-after", "2");
        assertThat(limited.body().path("error").path("code").asText()).isEqualTo("429");
        assertThat(limited.body().path("error").path("message").asText()).contains("Please retry after 2 seconds");
        assertThat(filtered.status()).isEqualTo(400);
        JsonNode error = filtered.body().path("error");
        assertThat(error.path("code").asText()).isEqualTo("content_filter");
        assertThat(error.path("innererror").path("code").asText()).isEqualTo("ResponsibleAIPolicyViolation");
        assertThat(error.path("innererror").path("content_filter_result").path("hate").path("filtered").asBoolean())
                .isTrue();
    }

    @Test
    void repliesAreTakenPerDeploymentThenGloballyThenFromTheResponder() throws Exception {
        fake.chat().enqueueFor("gpt-4o-mini", Reply.text("mini only")).enqueue(Reply.text("anyone"))
                .respondWith(r -> Reply.text("computed for " + r.deployment()));

        String first = post("/openai/v1/chat/completions", CHAT, "api-key", "k").body().path("choices").get(0)
                .path("message").path("content").asText();
        String second = post("/openai/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "api-key", "k")
                .body().path("choices").get(0).path("message").path("content").asText();
        String third = post("/openai/v1/chat/completions", CHAT, "api-key", "k").body().path("choices").get(0)
                .path("message").path("content").asText();

        assertThat(first).isEqualTo("anyone");
        assertThat(second).isEqualTo("mini only");
        assertThat(third).isEqualTo("computed for gpt-4o");
        assertThat(fake.chat().pending()).isZero();
    }

    @Test
    void toolCallRepliesCarryArgumentsAsJsonStrings() throws Exception {
        fake.chat().enqueue(Reply.toolCalls(ScriptedToolCall.of("a", "{\"x\":1}"), ScriptedToolCall.of("b", "{}")));

        JsonNode message = post("/openai/v1/chat/completions", CHAT, "api-key", "k").body().path("choices").get(0)
                .path("message");

        assertThat(message.path("content").isNull()).isTrue();
        assertThat(message.path("tool_calls")).hasSize(2);
        assertThat(message.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"x\":1}");
        assertThat(message.path("tool_calls").get(0).path("id").asText())
                .isNotEqualTo(message.path("tool_calls").get(1).path("id").asText());
    }

    @Test
    void unknownPathsAre404AndStillJournaled() throws Exception {
        Answer a = post("/openai/v1/embeddings", "{}", "api-key", "k");

        assertThat(a.status()).isEqualTo(404);
        assertThat(fake.journal().last().path()).isEqualTo("/openai/v1/embeddings");
    }
}
