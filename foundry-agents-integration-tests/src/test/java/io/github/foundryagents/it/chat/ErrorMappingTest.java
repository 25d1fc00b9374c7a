package io.github.foundryagents.it.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.AuthenticationException;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.ContentFilterException;
import io.github.foundryagents.core.DeploymentNotFoundException;
import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class ErrorMappingTest {

    private static FoundryException failure(AgentClient client) {
        return catchThrowableOfType(FoundryException.class, () -> client.chat(ChatRequest.of("hello")));
    }

    @Test
    void contentFilterRefusalIsNotRetryable(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.contentFilterRefusal());

        FoundryException e = failure(client);

        assertThat(e).isInstanceOf(ContentFilterException.class).isInstanceOf(BadRequestException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.errorCode()).contains("content_filter");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains("content filter refused the prompt").contains("rephrase");
    }

    @Test
    void otherBadRequestsAreBadRequestExceptions(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.error(400, "context_length_exceeded", "This model's maximum context length..."));

        FoundryException e = failure(client);

        assertThat(e).isExactlyInstanceOf(BadRequestException.class);
        assertThat(e.errorCode()).contains("context_length_exceeded");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void unauthorizedExplainsTheCredentialChecks(FakeFoundry fake) {
        try (FakeFoundry strict = FakeFoundry.builder().requireBearerToken("the-right-token").start()) {
            AgentClient client = strict.clientBuilder().credential(new FakeTokenCredential("a-wrong-token")).build();

            FoundryException e = failure(client);

            assertThat(e).isInstanceOf(AuthenticationException.class);
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("Access token is missing, invalid").contains("AZURE_CLIENT_ID");
        }
    }

    @Test
    void unknownDeploymentExplainsDeploymentVersusModelNames(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().deployment("gpt4", "gpt4o-typo").build();

        FoundryException e = catchThrowableOfType(FoundryException.class,
                () -> client.chat(ChatRequest.builder().user("x").deployment("gpt4").build()));

        assertThat(e).isInstanceOfSatisfying(DeploymentNotFoundException.class,
                d -> assertThat(d.deployment()).isEqualTo("gpt4o-typo"));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.errorCode()).contains("DeploymentNotFound");
        assertThat(e.getMessage()).contains("'gpt4o-typo'").contains("deployment name")
                .contains("can differ from the model name").contains("AZURE_OPENAI_DEPLOYMENT_GPT4");
    }

    /** A client that surfaces each failure as it is, for checking the mapping (retries have their own tests). */
    private static AgentClient withoutRetries(FakeFoundry fake) {
        return fake.clientBuilder().retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void rateLimitCarriesTheServersWait(FakeFoundry fake) {
        AgentClient client = withoutRetries(fake);
        fake.chat().enqueue(Reply.rateLimited(Duration.ofMillis(2500)));

        FoundryException e = failure(client);

        assertThat(e).isInstanceOfSatisfying(RateLimitException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofMillis(2500)));
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("Azure asked to wait 2500ms").contains("Raise the deployment's capacity");
    }

    @Test
    void serverErrorsAreRetryable(FakeFoundry fake) {
        AgentClient client = withoutRetries(fake);
        fake.chat().enqueue(Reply.serverError(), Reply.status(503));

        FoundryException first = failure(client);
        FoundryException second = failure(client);

        assertThat(first).isInstanceOf(ServerException.class);
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.errorCode()).contains("InternalServerError");
        assertThat(first.isRetryable()).isTrue();
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.isRetryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsARetryableConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AgentClient client = AgentClient.builder().endpoint("http://127.0.0.1:" + closedPort)
                .credential(new FakeTokenCredential()).retryPolicy(RetryPolicy.none()).build();

        FoundryException e = failure(client);

        assertThat(e).isInstanceOf(FoundryConnectionException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.statusCode()).isZero();
        assertThat(e.getMessage()).contains("POST http://127.0.0.1:" + closedPort + "/openai/v1/chat/completions");
    }
}
