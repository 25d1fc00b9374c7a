package io.github.foundryagents.spring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.spring.support.StarterRunners;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Configuration mistakes become a start-up report naming every problem and the property that fixes it. */
class FoundryConfigFailureAnalyzerTest {

    private final FoundryConfigFailureAnalyzer analyzer = new FoundryConfigFailureAnalyzer();

    @Test
    void listsEveryProblemOfTheSeedVariablesWithTheirProperties() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=http://my-res.openai.azure.com",
                "AZURE_CLIENT_ID=not-a-guid").run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("2 problems").contains("must start with https://")
                            .contains("is not a client id");
                    assertThat(analysis.getAction()).contains("foundry.agents.endpoint (or the environment variable"
                            + " AZURE_OPENAI_ENDPOINT)").contains("foundry.agents.managed-identity-client-id");
                });
    }

    @Test
    void reportsTheStartersOwnProblemsByProperty() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com",
                "foundry.agents.queue.type=redis").run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("1 problem").contains("no Redis queue");
                    assertThat(analysis.getAction()).contains("foundry.agents.queue.type");
                });
    }

    @Test
    void isRegisteredForSpringBoot() throws Exception {
        var factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(factories).contains("org.springframework.boot.diagnostics.FailureAnalyzer")
                .contains(FoundryConfigFailureAnalyzer.class.getName());
    }
}
