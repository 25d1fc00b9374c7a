package io.github.foundryagents.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.OpenAIServiceVersion;
import com.azure.ai.openai.models.ChatChoice;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsFunctionToolCall;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestSystemMessage;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.ai.openai.models.CompletionsFinishReason;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.LoopbackHttpClient;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's azure-ai-openai client drives the fake through a URL-rewriting HttpClient (its credential policies
 * demand https, as in Azure's own tests) and gets well-formed results and errors.
 */
@WithFakeFoundry
class AzureAiOpenAiConformanceTest {

    private final FakeFoundry fake;

    AzureAiOpenAiConformanceTest(FakeFoundry fake) {
        this.fake = fake;
    }

    private OpenAIClientBuilder builder() {
        return new OpenAIClientBuilder()
                .endpoint("https://fake-resource.openai.azure.com")
                .httpClient(new LoopbackHttpClient(fake.endpoint()))
                .serviceVersion(OpenAIServiceVersion.V2024_06_01)
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)));
    }

    private static ChatCompletionsOptions ask() {
        return new ChatCompletionsOptions(List.of(new ChatRequestSystemMessage("Be brief."),
                new ChatRequestUserMessage("Hello?"))).setMaxTokens(50);
    }

    @Test
    void completesWithAKeyAndParsesAzuresFields() {
        OpenAIClient client = builder().credential(new AzureKeyCredential("conformance-key")).buildClient();
        fake.chat().enqueue(Reply.text("Hi there").withUsage(9, 2));

        ChatCompletions completions = client.getChatCompletions("gpt-4o-mini", ask());

        ChatChoice choice = completions.getChoices().get(0);
        assertThat(choice.getMessage().getContent()).isEqualTo("Hi there");
        assertThat(choice.getFinishReason()).isEqualTo(CompletionsFinishReason.STOPPED);
        assertThat(completions.getUsage().getTotalTokens()).isEqualTo(11);
        assertThat(completions.getCreatedAt()).isNotNull();
        assertThat(completions.getPromptFilterResults()).isNotEmpty();
        assertThat(choice.getContentFilterResults()).isNotNull();
        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions");
        assertThat(sent.query()).containsEntry("api-version", "2024-06-01");
        assertThat(sent.header("api-key")).contains("conformance-key");
    }

    @Test
    void completesWithAnEntraToken() {
        OpenAIClient client = builder().credential(new FakeTokenCredential("sdk-token")).buildClient();

        ChatCompletions completions = client.getChatCompletions("gpt-4o", ask());

        assertThat(completions.getChoices().get(0).getMessage().getContent()).startsWith("Fake reply from gpt-4o");
        assertThat(fake.journal().last().header("authorization")).contains("Bearer sdk-token");
    }

    @Test
    void parsesToolCalls() {
        OpenAIClient client = builder().credential(new AzureKeyCredential("k")).buildClient();
        fake.chat().enqueue(Reply.toolCall("fetch_external_data", "{\"endpoint\":\"/v1/rates\"}"));

        ChatChoice choice = client.getChatCompletions("gpt-4o", ask()).getChoices().get(0);

        assertThat(choice.getFinishReason()).isEqualTo(CompletionsFinishReason.TOOL_CALLS);
        ChatCompletionsFunctionToolCall call = (ChatCompletionsFunctionToolCall) choice.getMessage().getToolCalls()
                .get(0);
        assertThat(call.getFunction().getName()).isEqualTo("fetch_external_data");
        assertThat(call.getFunction().getArguments()).isEqualTo("{\"endpoint\":\"/v1/rates\"}");
    }

    @Test
    void errorsCarryAzuresStatusAndBody() {
        OpenAIClient client = builder().credential(new AzureKeyCredential("k")).buildClient();
        fake.chat().enqueue(Reply.rateLimited(Duration.ofSeconds(2)));

        HttpResponseException limited = catchThrowableOfType(HttpResponseException.class,
                () -> client.getChatCompletions("gpt-4o", ask()));
        ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.getChatCompletions("no-such-deployment", ask()));

        assertThat(limited.getResponse().getStatusCode()).isEqualTo(429);
        assertThat(limited.getResponse().getHeaderValue("retry-after")).isEqualTo("2");
        assertThat(errorCode(limited)).isEqualTo("429");
        assertThat(missing.getResponse().getStatusCode()).isEqualTo(404);
        assertThat(errorCode(missing)).isEqualTo("DeploymentNotFound");
    }

    @SuppressWarnings("unchecked")
    private static Object errorCode(HttpResponseException e) {
        Map<String, Object> body = (Map<String, Object>) e.getValue();
        return ((Map<String, Object>) body.get("error")).get("code");
    }
}
