package io.github.foundryagents.it.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.EmptyResponseException;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.config.PathStyle;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class ChatAgainstFakeTest {

    @Test
    void completeUsesTheMiniDeploymentAndTheGuidanceDefaults(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("Hello there"));

        assertThat(client.complete("Say hello")).isEqualTo("Hello there");

        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(sent.query()).doesNotContainKey("api-version");
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(CompletionOptions.DEFAULT_MAX_TOKENS).isEqualTo(1000);
        assertThat(body.path("temperature").asDouble()).isEqualTo(CompletionOptions.DEFAULT_TEMPERATURE)
                .isEqualTo(0.7);
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Say hello");
    }

    @Test
    void completeSendsTheSystemPromptFirstAndHonoursTheAlias(FakeFoundry fake, AgentClient client) {
        client.complete("What is 2+2?", CompletionOptions.builder().systemPrompt("Answer tersely.")
                .deployment("gpt4").maxTokens(50).temperature(0).build());

        JsonNode body = fake.journal().last().body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Answer tersely.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    }

    @Test
    void chatReportsDeploymentRouteUsageAndRequestId(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("fine").withUsage(12, 3));

        ChatResponse response = client.chat(ChatRequest.of("How are you?"));

        assertThat(response.content()).contains("fine");
        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.DEFAULT);
        assertThat(response.route().detail()).contains("gpt4-mini").contains("gpt-4o-mini");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.usage().promptTokens()).isEqualTo(12);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.requestId()).isPresent();
        assertThat(response.id()).startsWith("chatcmpl-");
    }

    @Test
    void keepsAzuresRateLimitHeadersOnTheResponse(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("ok").withHeader("x-ratelimit-remaining-tokens", "29000")
                .withHeader("x-ratelimit-remaining-requests", "179").withHeader("x-unrelated", "dropped"));

        ChatResponse response = client.chat(ChatRequest.of("hi"));

        assertThat(response.rateLimits().remainingTokens()).hasValue(29000);
        assertThat(response.rateLimits().remainingRequests()).hasValue(179);
        assertThat(response.rateLimits().raw()).containsOnlyKeys("x-ratelimit-remaining-tokens",
                "x-ratelimit-remaining-requests");
    }

    @Test
    void anExplicitDeploymentNameIsUsedAsIs(FakeFoundry fake) {
        fake.addDeployment("prod-gpt-4o", "gpt-4o-2024-11-20");
        AgentClient client = fake.clientBuilder().deployment("gpt4", "prod-gpt-4o").build();

        ChatResponse viaAlias = client.chat(ChatRequest.builder().user("x").deployment("gpt4").build());
        ChatResponse byName = client.chat(ChatRequest.builder().user("x").deployment("gpt-4o-mini").build());

        assertThat(viaAlias.deployment()).isEqualTo("prod-gpt-4o");
        assertThat(viaAlias.route().reason()).isEqualTo(Route.Reason.EXPLICIT);
        assertThat(viaAlias.route().detail()).isEqualTo("requested alias gpt4 -> deployment prod-gpt-4o");
        assertThat(byName.deployment()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void deploymentPathStyleSendsTheApiVersionAndNoModel(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().pathStyle(PathStyle.DEPLOYMENT).build();

        client.chat(ChatRequest.builder().user("x").deployment("gpt4").build());

        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(sent.query()).containsEntry("api-version", "2024-10-21");
        assertThat(sent.body().has("model")).isFalse();
    }

    @Test
    void aConfiguredApiVersionIsSentOnTheDeploymentPath(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().pathStyle(PathStyle.DEPLOYMENT).apiVersion("2025-04-01-preview")
                .build();

        client.chat(ChatRequest.of("x"));

        assertThat(fake.journal().last().query()).containsEntry("api-version", "2025-04-01-preview");
    }

    @Test
    void aGivenHttpClientCarriesEveryCall(FakeFoundry fake) {
        AtomicInteger sent = new AtomicInteger();
        HttpClient jdk = HttpClient.createDefault();
        HttpClient counting = request -> {
            sent.incrementAndGet();
            return jdk.send(request);
        };
        AgentClient client = fake.clientBuilder().httpClient(counting).build();

        client.chat(ChatRequest.of("one"));
        client.chat(ChatRequest.of("two"));

        assertThat(sent).hasValue(2);
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void toolCallsComeBackAndToolResultsAreSentInAzuresShape(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.toolCalls(new ScriptedToolCall("call_1", "search_database", "{\"query\":\"q\"}")));

        ChatResponse first = client.chat(ChatRequest.of("find q"));
        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(first.content()).isEmpty();
        assertThat(first.toolCalls()).containsExactly(new ToolCall("call_1", "search_database", "{\"query\":\"q\"}"));

        client.chat(ChatRequest.builder()
                .messages(List.of(ChatMessage.user("find q"), first.toMessage(),
                        ChatMessage.tool("call_1", "{\"results\":[]}")))
                .build());

        JsonNode messages = fake.journal().last().messages();
        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(assistant.path("tool_calls").get(0).path("type").asText()).isEqualTo("function");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("name").asText())
                .isEqualTo("search_database");
        JsonNode tool = messages.get(2);
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(tool.path("content").asText()).isEqualTo("{\"results\":[]}");
    }

    @Test
    void aReplyWithoutTextIsATypedErrorThatSaysWhy(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("").withFinishReason("length"));

        assertThatThrownBy(() -> client.complete("Write a novel"))
                .isInstanceOf(EmptyResponseException.class)
                .hasMessageContaining("gpt-4o-mini")
                .hasMessageContaining("finish_reason length")
                .hasMessageContaining("raise maxTokens");
    }
}
