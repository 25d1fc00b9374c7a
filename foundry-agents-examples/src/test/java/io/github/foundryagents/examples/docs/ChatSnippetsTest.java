package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.ContentFilterException;
import io.github.foundryagents.core.DeploymentNotFoundException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.PathStyle;
import io.github.foundryagents.core.resilience.RetryExhaustedException;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code shown in docs/chat.md, run against the fake where it can; DocSnippetsTest checks the page's text. */
@WithFakeFoundry
class ChatSnippetsTest {

    static void authentication() {
        // snippet: chat#auth
        // 1. Managed identity (the default): DefaultAzureCredential, pinned to a user-assigned identity
        AgentClient managed = AgentClient.builder()
                .endpoint("https://my-resource.openai.azure.com")
                .managedIdentityClientId(System.getenv("AZURE_CLIENT_ID"))
                .build();

        // 2. Any Entra ID credential of azure-identity (workload identity, a service principal, az login)
        AgentClient entra = AgentClient.builder()
                .endpoint("https://my-resource.openai.azure.com")
                .credential(new DefaultAzureCredentialBuilder().build())
                .build();

        // 3. An API key: an explicit opt-in, never logged; the Agent Service still needs Entra ID
        AgentClient keyed = AgentClient.builder()
                .endpoint("https://my-resource.openai.azure.com")
                .apiKey(System.getenv("AZURE_OPENAI_API_KEY"))
                .build();
        // end-snippet
    }

    @Test
    void requestAndResponse(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("Azure refused the call because the deployment's quota is spent."));

        // snippet: chat#request
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What does a 429 from Azure OpenAI mean?")
                .deployment("gpt4")                         // alias or deployment name; default gpt4-mini
                .temperature(0.2)
                .maxTokens(150)
                .seed(42L)
                .stop(List.of("\n\n"))
                .userId("alice")                            // quotas, usage, cache scope: never sent to Azure
                .timeout(Duration.ofSeconds(30))            // the whole call, retries included
                .build();

        ChatResponse response = client.chat(request);
        String text = response.content().orElse("");        // empty when the model only asked for tool calls
        response.finishReason();                            // STOP, LENGTH, TOOL_CALLS, CONTENT_FILTER
        response.usage().totalTokens();                     // prompt + completion, as Azure counted them
        response.deployment();                              // "gpt-4o": the deployment that answered
        response.route();                                   // why it was chosen: EXPLICIT, DEFAULT, ROUTED, SPILLOVER
        response.rateLimits().remainingTokens();            // Azure's x-ratelimit-* headers
        response.requestId();                               // quote it in a support ticket
        // end-snippet

        assertThat(text).startsWith("Azure refused");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.deployment()).isEqualTo("gpt-4o");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.EXPLICIT);
        assertThat(response.rateLimits().remainingTokens()).isPresent();
        assertThat(response.requestId()).isPresent();
        JsonNode sent = fake.journal().last().body();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(150);
        assertThat(sent.path("seed").asLong()).isEqualTo(42);
        assertThat(sent.toString()).doesNotContain("alice");

        fake.chat().enqueue(Reply.text("A 503 is a transient server error."));

        // snippet: chat#conversation
        ChatRequest followUp = request.toBuilder()
                .message(response.toMessage())              // the assistant's answer joins the history
                .user("And a 503?")
                .build();
        String next = client.chat(followUp).content().orElse("");
        // end-snippet

        assertThat(next).contains("503");
        assertThat(fake.journal().last().messages()).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "user");
    }

    @Test
    void aliasesAndTheDatedApi(FakeFoundry fake) {
        AgentClient.Builder builder = fake.clientBuilder();

        // snippet: chat#deployments
        AgentClient client = builder
                .deployment("gpt4", "gpt-4o")                   // AZURE_OPENAI_DEPLOYMENT_GPT4
                .deployment("reasoning", "o3-mini-eu")          // any alias of your own
                .pathStyle(PathStyle.DEPLOYMENT)                // /openai/deployments/{d}/chat/completions
                .apiVersion("2024-10-21")                       // AZURE_OPENAI_API_VERSION; the oldest accepted
                .build();
        // end-snippet

        fake.addDeployment("o3-mini-eu", "o3-mini");
        ChatResponse response = client.chat(ChatRequest.builder().user("Plan a trip").deployment("reasoning").build());

        assertThat(response.deployment()).isEqualTo("o3-mini-eu");
        RecordedRequest sent = fake.journal().last();
        assertThat(sent.path()).isEqualTo("/openai/deployments/o3-mini-eu/chat/completions");
        assertThat(sent.query()).containsEntry("api-version", "2024-10-21");
    }

    static String answerOrExplain(AgentClient client, ChatRequest request) {
        // snippet: chat#errors
        try {
            return client.chat(request).content().orElse("");
        } catch (ContentFilterException e) {             // 400 content_filter: Azure refused the prompt or the answer
            return "refused: " + e.errorCode().orElse("content_filter");
        } catch (DeploymentNotFoundException e) {        // 404: no deployment of that name (check the alias mapping)
            return "no such deployment: " + e.getMessage();
        } catch (RetryExhaustedException e) {            // 429, 5xx or no response, still failing after the retries
            return "busy after " + e.attempts() + " attempts, last HTTP " + e.lastStatus();
        } catch (FoundryException e) {                   // everything else the library throws
            return (e.isRetryable() ? "transient" : "permanent") + " HTTP " + e.statusCode()
                    + ", request " + e.requestId().orElse("-");
        }
        // end-snippet
    }

    @Test
    void everyFailureIsAFoundryExceptionWithAReason(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxRetries(1).baseDelay(Duration.ofMillis(5)).build())
                .build();
        ChatRequest hello = ChatRequest.of("Hello");

        fake.chat().enqueue(Reply.contentFilterRefusal());
        assertThat(answerOrExplain(client, hello)).isEqualTo("refused: content_filter");

        assertThat(answerOrExplain(client, hello.toBuilder().deployment("gpt-5-typo").build()))
                .startsWith("no such deployment: ").contains("gpt-5-typo");

        fake.chat().enqueue(Reply.rateLimited(Duration.ofMillis(10)), Reply.rateLimited(Duration.ofMillis(10)));
        assertThat(answerOrExplain(client, hello)).isEqualTo("busy after 2 attempts, last HTTP 429");

        fake.chat().enqueue(Reply.error(401, "401", "Access denied due to invalid subscription key."));
        assertThat(answerOrExplain(client, hello)).startsWith("permanent HTTP 401, request ");
    }
}
