package io.github.foundryagents.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FoundryConfigTest {

    private static final String ENDPOINT = "https://my-resource.openai.azure.com";

    @Test
    void readsTheSeedsVariablesWithDefaults() {
        FoundryConfig config = FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT + "/"));

        assertThat(config.endpoint()).hasToString(ENDPOINT);
        assertThat(config.deployments().resolve(Deployments.GPT4)).isEqualTo("gpt-4o");
        assertThat(config.deployments().resolve(Deployments.GPT4_MINI)).isEqualTo("gpt-4o-mini");
        assertThat(config.apiVersion()).isEqualTo("2024-10-21");
        assertThat(config.pathStyle()).isEqualTo(PathStyle.V1);
        assertThat(config.modelDeploymentName()).isEqualTo("gpt-4o");
        assertThat(config.managedIdentityClientId()).isEmpty();
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.projectEndpoint()).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        Map<String, String> env = new HashMap<>();
        env.put(FoundryEnv.AZURE_OPENAI_ENDPOINT, "https://res.cognitiveservices.azure.com");
        env.put(FoundryEnv.AZURE_CLIENT_ID, "8f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f");
        env.put(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, "prod-gpt-4o");
        env.put(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI, "prod-gpt-4o-mini");
        env.put(FoundryEnv.AZURE_OPENAI_API_VERSION, "2025-04-01-preview");
        env.put(FoundryEnv.PROJECT_ENDPOINT, "https://res.services.ai.azure.com/api/projects/agents");
        env.put(FoundryEnv.MODEL_DEPLOYMENT_NAME, "grounded-gpt-4o");
        env.put(FoundryEnv.BING_CONNECTION_ID, "/subscriptions/s/resourceGroups/rg/providers/x/connections/bing");

        FoundryConfig config = FoundryConfig.fromMap(env);

        assertThat(config.managedIdentityClientId()).contains("8f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f");
        assertThat(config.deployments().resolve("gpt4")).isEqualTo("prod-gpt-4o");
        assertThat(config.deployments().resolve("gpt4-mini")).isEqualTo("prod-gpt-4o-mini");
        assertThat(config.deployments().resolve("some-other-deployment")).isEqualTo("some-other-deployment");
        assertThat(config.apiVersion()).isEqualTo("2025-04-01-preview");
        assertThat(config.projectEndpoint()).hasValueSatisfying(
                u -> assertThat(u).hasToString("https://res.services.ai.azure.com/api/projects/agents"));
        assertThat(config.modelDeploymentName()).isEqualTo("grounded-gpt-4o");
        assertThat(config.bingConnectionId()).isPresent();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("missing endpoint", Map.of(),
                        FoundryEnv.AZURE_OPENAI_ENDPOINT, "AZURE_OPENAI_ENDPOINT is required"),
                Arguments.of("no scheme", Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "my-resource.openai.azure.com"),
                        FoundryEnv.AZURE_OPENAI_ENDPOINT, "must start with https://"),
                Arguments.of("plain http to Azure",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "http://my-resource.openai.azure.com"),
                        FoundryEnv.AZURE_OPENAI_ENDPOINT, "plain http is allowed only for a loopback"),
                Arguments.of("not an Azure host", Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "https://api.openai.com"),
                        FoundryEnv.AZURE_OPENAI_ENDPOINT, "is not an Azure OpenAI / AI Services host"),
                Arguments.of("path where none belongs",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT + "/openai/deployments/gpt-4o"),
                        FoundryEnv.AZURE_OPENAI_ENDPOINT, "must be the resource root without a path"),
                Arguments.of("outdated api-version",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.AZURE_OPENAI_API_VERSION,
                                "2023-05-15"),
                        FoundryEnv.AZURE_OPENAI_API_VERSION, "2023-05-15 is outdated"),
                Arguments.of("not an api-version",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.AZURE_OPENAI_API_VERSION,
                                "latest"),
                        FoundryEnv.AZURE_OPENAI_API_VERSION, "is not an api-version"),
                Arguments.of("API key without opt-in",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.AZURE_OPENAI_API_KEY,
                                "0123456789abcdef"),
                        FoundryEnv.AZURE_OPENAI_API_KEY, "authenticates with Microsoft Entra ID"),
                Arguments.of("client id that is not a GUID",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.AZURE_CLIENT_ID, "my-identity"),
                        FoundryEnv.AZURE_CLIENT_ID, "is not a client id"),
                Arguments.of("deployment name with a space",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4,
                                "gpt 4o"),
                        FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, "is not a valid deployment name"),
                Arguments.of("project endpoint without /api/projects",
                        Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT, FoundryEnv.PROJECT_ENDPOINT,
                                "https://res.services.ai.azure.com"),
                        FoundryEnv.PROJECT_ENDPOINT, "must look like https://"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void namesTheVariableAndTheFix(String mistake, Map<String, String> env, String variable, String text) {
        assertThatThrownBy(() -> FoundryConfig.fromMap(env))
                .isInstanceOfSatisfying(FoundryConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::setting).containsExactly(variable);
                    assertThat(e.getMessage()).contains(variable).contains(text);
                });
    }

    @Test
    void listsEveryProblemAtOnce() {
        Map<String, String> env = Map.of(
                FoundryEnv.AZURE_OPENAI_ENDPOINT, "http://example.com",
                FoundryEnv.AZURE_OPENAI_API_VERSION, "2022-12-01",
                FoundryEnv.AZURE_CLIENT_ID, "nope");

        assertThatThrownBy(() -> FoundryConfig.fromMap(env))
                .isInstanceOfSatisfying(FoundryConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::setting)
                        .containsExactly(FoundryEnv.AZURE_OPENAI_ENDPOINT, FoundryEnv.AZURE_CLIENT_ID,
                                FoundryEnv.AZURE_OPENAI_API_VERSION))
                .hasMessageContaining("3 problems");
    }

    @Test
    void acceptsPlainHttpOnlyForLoopback() {
        assertThat(FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "http://127.0.0.1:8080")).endpoint())
                .hasToString("http://127.0.0.1:8080");
        assertThat(FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "http://localhost:8080")).endpoint())
                .hasToString("http://localhost:8080");
    }

    @Test
    void apiKeyNeedsExplicitOptInAndIsNeverPrinted() {
        String key = "s3cr3t-key-0123456789";
        FoundryConfig config = FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.AZURE_OPENAI_API_KEY, key, FoundryEnv.FOUNDRY_AGENTS_ALLOW_API_KEY, "true"));

        assertThat(config.apiKey()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo(key));
        assertThat(config.toString()).doesNotContain(key).contains("api-key ****");
        assertThat(config.apiKey().get().toString()).isEqualTo("****");
    }

    @Test
    void rejectedKeyNeverAppearsInTheError() {
        String key = "s3cr3t-key-0123456789";
        assertThatThrownBy(() -> FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.AZURE_OPENAI_API_KEY, key)))
                .hasMessageNotContaining(key);
    }

    @Test
    void endpointQueryStringIsRefusedWithoutEchoingIt() {
        String secretQuery = "sig=SECRET-SAS-TOKEN";
        assertThatThrownBy(() -> FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT,
                ENDPOINT + "?" + secretQuery)))
                .hasMessageContaining("must not contain credentials, a query string or a fragment")
                .hasMessageNotContaining("SECRET-SAS-TOKEN");
    }

    @Test
    void apiManagementGatewayNeedsExplicitOptIn() {
        FoundryConfig config = FoundryConfig.builder().endpoint("https://apim.example.com/openai-gateway")
                .allowNonAzureHost(true).build();
        assertThat(config.endpoint()).hasToString("https://apim.example.com/openai-gateway");
    }

    @Test
    void toBuilderRoundTrips() {
        FoundryConfig config = FoundryConfig.builder().endpoint(ENDPOINT).deployment("gpt4", "big")
                .pathStyle(PathStyle.DEPLOYMENT).managedIdentityClientId("8f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f")
                .build();
        FoundryConfig copy = config.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(config.toString());
    }
}
