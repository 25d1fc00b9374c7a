package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** openai-java, Microsoft's recommended SDK, as the oracle for the fake's rate-limit behaviour. */
class OfficialSdkSeesAzureRateLimitsTest {

    private final FakeFoundry fake = FakeFoundry.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    /**
     * A warmed-up SDK client, then a quota of two calls per {@code minute} on gpt-4o (450 tokens per window;
     * each call is 106 prompt tokens + 100 max_completion_tokens).
     */
    private OpenAIClient sdkAgainstQuota(int maxRetries, Duration minute) {
        OpenAIClient sdk = OpenAIOkHttpClient.builder().baseUrl(fake.endpoint().toString())
                .credential(AzureApiKeyCredential.create("test-key")).azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(maxRetries).build();
        sdk.chat().completions().create(params().toBuilder().model("gpt-4o-mini").build()); // loads the SDK
        fake.quota("gpt-4o", Quota.tpm(450L * Duration.ofMinutes(1).toMillis() / minute.toMillis())
                .rpm(1_000_000).window(minute));
        fake.journal().clear();
        return sdk;
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage(RawClient.PROMPT_400)
                .maxCompletionTokens(100).build();
    }

    @Test
    void readsTheQuotaRefusalAsARateLimitWithAzuresHeaders() {
        OpenAIClient sdk = sdkAgainstQuota(0, Duration.ofSeconds(5));
        sdk.chat().completions().create(params());
        sdk.chat().completions().create(params());

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> sdk.chat().completions().create(params()));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.headers().values("retry-after-ms")).hasSize(1);
        assertThat(e.headers().values("retry-after")).hasSize(1);
        assertThat(e.headers().values("x-ratelimit-remaining-tokens")).containsExactly("38");
        assertThat(e.getMessage()).contains("exceeded token rate limit");
    }

    @Test
    void itsDefaultRetryHonoursTheHintAndGetsThrough() {
        OpenAIClient sdk = sdkAgainstQuota(2, Duration.ofMillis(600));
        sdk.chat().completions().create(params());
        sdk.chat().completions().create(params());

        ChatCompletion third = sdk.chat().completions().create(params());

        assertThat(third.choices()).hasSize(1);
        assertThat(fake.journal().chatRequests()).hasSizeGreaterThanOrEqualTo(4); // the third was refused, then retried
    }
}
