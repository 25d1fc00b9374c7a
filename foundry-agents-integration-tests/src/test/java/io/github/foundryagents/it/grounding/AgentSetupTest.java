package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.NotFoundException;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.grounding.BingConnectionId;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAgentBuilder;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;

/** Creating and deleting agents: defaults, the Bing tool on the wire, connection ids checked before Azure ignores them. */
@WithFakeFoundry
class AgentSetupTest {

    @Test
    void createsTheAgentWithTheConfiguredDeploymentAndTheBingToolOnTheWire(FakeFoundry fake, AgentClient client) {
        GroundedAgent agent = client.groundedAgent().name("researcher").instructions("Cite sources.")
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()).count(20).freshness("Week")
                        .market("en-US").language("en"))
                .temperature(0.2).create();

        JsonNode body = fake.journal().last().body();
        assertThat(fake.journal().last().path()).isEqualTo("/api/projects/fake-project/assistants");
        assertThat(fake.journal().last().query()).containsEntry("api-version", "2025-05-01");
        assertThat(fake.journal().last().header("authorization")).contains("Bearer fake-token");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("name").asText()).isEqualTo("researcher");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        JsonNode search = body.path("tools").get(0).path("bing_grounding").path("search_configurations").get(0);
        assertThat(search.path("connection_id").asText()).isEqualTo(fake.agents().bingConnectionId());
        assertThat(search.path("count").asInt()).isEqualTo(20);
        assertThat(search.path("freshness").asText()).isEqualTo("Week");
        assertThat(search.path("market").asText()).isEqualTo("en-US");
        assertThat(search.path("set_lang").asText()).isEqualTo("en");
        assertThat(agent.id()).startsWith("asst_");
        assertThat(fake.agents().agentCount()).isEqualTo(1);

        agent.delete();

        assertThat(fake.agents().agentCount()).isZero();
        assertThatThrownBy(agent::delete).isInstanceOf(NotFoundException.class).hasMessageContaining(agent.id());
    }

    @Test
    void takesDeploymentAndBingConnectionFromTheConfiguration(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().config(io.github.foundryagents.core.config.FoundryConfig.builder()
                .endpoint(fake.endpoint().toString()).projectEndpoint(fake.projectEndpoint().toString())
                .modelDeploymentName("gpt-4o-prod").bingConnectionId(fake.agents().bingConnectionId()).build())
                .build();

        client.groundedAgent().create();

        JsonNode body = fake.journal().last().body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-prod");
        JsonNode search = body.path("tools").get(0).path("bing_grounding").path("search_configurations").get(0);
        assertThat(search.path("count").asInt()).isEqualTo(20);
    }

    @Test
    void aMalformedConnectionIdFailsAtBuildTimeShowingTheFormatAndTheIdReceived() {
        String bad = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                + "Microsoft.CognitiveServices/accounts/acct/connections/bing";

        assertThatThrownBy(() -> BingGrounding.connection(bad))
                .isInstanceOf(FoundryConfigException.class)
                .hasMessageContaining("BING_CONNECTION_ID")
                .hasMessageContaining(BingConnectionId.FORMAT)
                .hasMessageContaining("got '" + bad + "'")
                .hasMessageContaining("/projects/");
    }

    @Test
    void theServiceSilentlyAnswersWithoutGroundingForAnUnknownConnection(FakeFoundry fake, AgentClient client) {
        String unknown = fake.agents().bingConnectionId().replace("/connections/bing-grounding",
                "/connections/bing-typo");

        GroundedAnswer answer = client.groundedAgent().bing(BingGrounding.connection(unknown)).create()
                .ask("Latest news?");

        assertThat(answer.content()).isNotEmpty();
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void verifyConnectionCatchesAnUnknownConnectionBeforeCreatingTheAgent(FakeFoundry fake, AgentClient client) {
        String unknown = fake.agents().bingConnectionId().replace("/connections/bing-grounding",
                "/connections/bing-typo");

        assertThatThrownBy(() -> client.groundedAgent().bing(BingGrounding.connection(unknown))
                .verifyConnection(true).create())
                .isInstanceOf(FoundryConfigException.class)
                .hasMessageContaining("bing-typo")
                .hasMessageContaining("bing_connection_id");
        assertThat(fake.agents().agentCount()).isZero();
        assertThat(fake.journal().last().path()).endsWith("/connections/bing-typo");
        assertThat(fake.journal().last().query()).containsEntry("api-version", "v1");

        client.groundedAgent().bing(BingGrounding.connection(fake.agents().bingConnectionId())).verifyConnection(true)
                .create();
        assertThat(fake.agents().agentCount()).isOne();
    }

    @Test
    void aMissingProjectEndpointIsAConfigurationError(FakeFoundry fake) {
        AgentClient noProject = io.github.foundryagents.core.AgentClient.builder()
                .endpoint(fake.endpoint().toString()).credential(new FakeTokenCredential()).build();

        assertThatThrownBy(() -> noProject.groundedAgent().create())
                .isInstanceOf(FoundryConfigException.class)
                .hasMessageContaining("PROJECT_ENDPOINT")
                .hasMessageContaining("project_endpoint");
    }

    @Test
    void agentServiceCallsUseTheAiFoundryTokenScope(FakeFoundry fake) {
        FakeTokenCredential credential = new FakeTokenCredential();
        AgentClient client = fake.clientBuilder().credential(credential).build();

        client.groundedAgent().create();

        assertThat(credential.requestedScopes()).containsExactly(java.util.List.of("https://ai.azure.com/.default"));
    }

    @Test
    void aBingToolOnGpt4oMini20240718LogsThatItWillNotGround(FakeFoundry fake, AgentClient client) {
        BingGrounding bing = BingGrounding.connection(fake.agents().bingConnectionId());
        try (LogCapture log = LogCapture.of(GroundedAgentBuilder.class)) {
            client.groundedAgent().name("mini").deployment("gpt-4o-mini").modelVersion("2024-07-18").bing(bing)
                    .create();

            assertThat(log.warnings()).singleElement().satisfies(w -> assertThat(w)
                    .contains("'gpt-4o-mini'", "2024-07-18", "does not support Grounding with Bing Search"));
        }
        try (LogCapture log = LogCapture.of(GroundedAgentBuilder.class)) {
            client.groundedAgent().name("mini-new").deployment("gpt-4o-mini").modelVersion("2025-01-31").bing(bing)
                    .create();
            client.groundedAgent().name("mini-unground").deployment("gpt-4o-mini").modelVersion("2024-07-18")
                    .create();

            assertThat(log.warnings()).as("a newer version, or no Bing tool, is not warned about").isEmpty();
        }
    }
}
