package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroundedStepTest {

    @ParameterizedTest
    @EnumSource(AgentServiceGeneration.class)
    void asksAGroundedQuestionAndPrintsItsCitationsOnEitherGeneration(AgentServiceGeneration generation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeFoundry fake = FakeFoundry.start()) {
            new GroundedStep().run(new Tour(() -> fake.clientBuilder().agentService(generation), fake,
                    new PrintStream(out, true, StandardCharsets.UTF_8)));
            assertThat(fake.journal().all()).anySatisfy(r -> assertThat(r.path()).endsWith(
                    generation == AgentServiceGeneration.CLASSIC ? "/assistants" : "/agents"));

            assertThat(fake.agents().liveConversations()).isZero();
            assertThat(fake.agents().agentCount()).isZero();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("answer:     The Foundry Agent Service retires")
                .contains("source:     Migrate to the new Agent Service <https://learn.microsoft.com/")
                .contains("searched:   When does the classic")
                .contains(": completed")
                .contains("on the " + generation.settingValue() + " Agent Service");
    }
}
