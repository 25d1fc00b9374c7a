package io.github.foundryagents.it.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.AuthenticationException;
import io.github.foundryagents.core.CredentialUnavailableException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.http.BearerTokenPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

@WithFakeFoundry
class AuthenticationTest {

    @Test
    void attachesTheCredentialsBearerTokenForTheCognitiveServicesScope(FakeFoundry fake) {
        FakeTokenCredential credential = new FakeTokenCredential("token-from-entra");
        AgentClient client = fake.clientBuilder().credential(credential).build();

        client.chat(ChatRequest.of("one"));
        client.chat(ChatRequest.of("two"));
        client.chat(ChatRequest.of("three"));

        for (RecordedRequest r : fake.journal().chatRequests()) {
            assertThat(r.header("authorization")).contains("Bearer token-from-entra");
            assertThat(r.header("api-key")).isEmpty();
        }
        assertThat(credential.requestedScopes())
                .as("one token, shared by the three calls")
                .containsExactly(List.of(BearerTokenPolicy.COGNITIVE_SERVICES_SCOPE));
    }

    @Test
    void anExplicitApiKeyIsSentAsApiKeyAndNoTokenIsRequested(FakeFoundry fake) {
        AgentClient client = AgentClient.builder().endpoint(fake.endpoint().toString()).apiKey("k-123").build();

        client.chat(ChatRequest.of("hi"));

        RecordedRequest sent = fake.journal().last();
        assertThat(sent.header("api-key")).contains("k-123");
        assertThat(sent.header("authorization")).isEmpty();
    }

    @Test
    void aWrongKeyIsRefusedWithAzuresKeyMessage() {
        try (FakeFoundry strict = FakeFoundry.builder().requireApiKey("right").start()) {
            AgentClient client = AgentClient.builder().endpoint(strict.endpoint().toString()).apiKey("wrong").build();

            assertThatThrownBy(() -> client.chat(ChatRequest.of("hi")))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("HTTP 401: Access denied due to invalid subscription key");
        }
    }

    @Test
    void aCredentialThatCannotProduceATokenFailsBeforeAnythingIsSent(FakeFoundry fake) {
        TokenCredential broken = request -> Mono.error(new IllegalStateException("no managed identity here"));
        AgentClient client = fake.clientBuilder().credential(broken).build();

        assertThatThrownBy(() -> client.chat(ChatRequest.of("hi")))
                .isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining(BearerTokenPolicy.COGNITIVE_SERVICES_SCOPE)
                .hasMessageContaining("az login")
                .hasMessageContaining("AZURE_CLIENT_ID");
        assertThat(fake.journal().count()).isZero();
    }
}
