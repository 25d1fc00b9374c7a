package io.github.foundryagents.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedToolCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The official openai-java client, in Azure mode on both URL forms, gets well-formed results and errors from the
 * fake: proof that the fake speaks Azure's protocol and not just ours.
 */
@WithFakeFoundry
class OpenAiJavaConformanceTest {

    private final FakeFoundry fake;

    OpenAiJavaConformanceTest(FakeFoundry fake) {
        this.fake = fake;
    }

    private OpenAIClient legacy() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(fake.endpoint().toString())
                .credential(AzureApiKeyCredential.create("conformance-key"))
                .azureServiceVersion(AzureOpenAIServiceVersion.latestStableVersion())
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .build();
    }

    private OpenAIClient v1() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(fake.endpoint() + "/openai/v1")
                .credential(BearerTokenCredential.create(() -> "entra-token"))
                .azureUrlPathMode(AzureUrlPathMode.UNIFIED)
                .maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams ask(String deployment) {
        return ChatCompletionCreateParams.builder().model(deployment).addSystemMessage("Be brief.")
                .addUserMessage("Hello?").maxCompletionTokens(50).build();
    }

    @Test
    void legacyDeploymentPathCompletesAndValidates() {
        fake.chat().enqueue(Reply.text("Hi there").withUsage(9, 2));

        ChatCompletion completion = legacy().chat().completions().create(ask("gpt-4o")).validate();

        assertThat(completion.choices().get(0).message().content()).contains("Hi there");
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(completion.model()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(11));
        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(sent.query()).containsEntry("api-version", "2024-10-21");
        assertThat(sent.header("api-key")).contains("conformance-key");
    }

    @Test
    void v1PathCompletesWithABearerToken() {
        ChatCompletion completion = v1().chat().completions().create(ask("gpt-4o-mini")).validate();

        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(
                text -> assertThat(text).startsWith("Fake reply from gpt-4o-mini"));
        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(sent.header("authorization")).contains("Bearer entra-token");
    }

    @Test
    void toolCallsParseIntoTheSdksTypes() {
        fake.chat().enqueue(Reply.toolCalls(new ScriptedToolCall("call_42", "search_database", "{\"query\":\"x\"}")));

        ChatCompletion completion = v1().chat().completions().create(ask("gpt-4o")).validate();

        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow()
                .get(0).asFunction();
        assertThat(call.id()).isEqualTo("call_42");
        assertThat(call.function().name()).isEqualTo("search_database");
        assertThat(call.function().arguments()).isEqualTo("{\"query\":\"x\"}");
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("tool_calls");
    }

    @Test
    void errorsMapToTheSdksExceptionsWithAzuresCodes() {
        fake.chat().enqueue(Reply.contentFilterRefusal(), Reply.rateLimited(Duration.ofSeconds(3)),
                Reply.serverError());

        BadRequestException filtered = catchThrowableOfType(BadRequestException.class,
                () -> v1().chat().completions().create(ask("gpt-4o")));
        RateLimitException limited = catchThrowableOfType(RateLimitException.class,
                () -> v1().chat().completions().create(ask("gpt-4o")));
        InternalServerException broken = catchThrowableOfType(InternalServerException.class,
                () -> v1().chat().completions().create(ask("gpt-4o")));
        NotFoundException missing = catchThrowableOfType(NotFoundException.class,
                () -> legacy().chat().completions().create(ask("no-such-deployment")));

        assertThat(filtered.code()).contains("content_filter");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().values("retry-after")).containsExactly("3");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(missing.code()).contains("DeploymentNotFound");
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        try (FakeFoundry strict = FakeFoundry.builder().requireApiKey("right").start()) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(strict.endpoint().toString())
                    .credential(AzureApiKeyCredential.create("wrong")).azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .azureServiceVersion(AzureOpenAIServiceVersion.latestStableVersion()).maxRetries(0).build();

            UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
                    () -> client.chat().completions().create(ask("gpt-4o")));

            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.code()).contains("401");
        }
    }
}
