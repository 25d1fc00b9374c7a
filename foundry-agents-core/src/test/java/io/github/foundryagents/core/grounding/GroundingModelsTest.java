package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroundingModelsTest {

    @Test
    void warnsForGpt4oMiniOfJuly2024AndForMiniDeploymentsOfUnknownVersion() {
        assertThat(GroundingModels.warning("gpt-4o-mini", "2024-07-18")).get().asString()
                .contains("runs gpt-4o-mini version 2024-07-18").contains("does not support");
        assertThat(GroundingModels.warning("gpt-4o-mini-2024-07-18", null)).isPresent();
        assertThat(GroundingModels.warning("gpt-4o-mini", null)).get().asString().contains("may run")
                .contains("modelVersion");
    }

    @Test
    void staysQuietForModelsThatSupportGrounding() {
        assertThat(GroundingModels.warning("gpt-4o", null)).isEmpty();
        assertThat(GroundingModels.warning("gpt-4o-mini", "2025-01-31")).isEmpty();
        assertThat(GroundingModels.warning("prod-gpt-4o-mini-2025-01-31", null)).isEmpty();
    }
}
