package io.github.foundryagents.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentServiceGenerationTest {

    private static final String ENDPOINT = "https://my-resource.openai.azure.com";

    @Test
    void theClassicServiceIsTheDefault() {
        assertThat(FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT)).agentService())
                .isEqualTo(AgentServiceGeneration.CLASSIC);
    }

    @Test
    void oneVariableSwitchesToTheResponsesService() {
        FoundryConfig config = FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.FOUNDRY_AGENT_SERVICE, " Responses "));

        assertThat(config.agentService()).isEqualTo(AgentServiceGeneration.RESPONSES);
        assertThat(config.toBuilder().build().agentService()).isEqualTo(AgentServiceGeneration.RESPONSES);
        assertThat(config).hasToString(config.toString()).asString().contains("agentService=responses");
    }

    @Test
    void anUnknownValueIsAConfigurationProblemNamingBothChoices() {
        assertThatThrownBy(() -> FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.FOUNDRY_AGENT_SERVICE, "v2")))
                .isInstanceOf(FoundryConfigException.class)
                .hasMessageContaining("FOUNDRY_AGENT_SERVICE 'v2'")
                .hasMessageContaining("'classic'")
                .hasMessageContaining("'responses'");
    }
}
