package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GroundedStepTest {

    @Test
    void asksAGroundedQuestionAndPrintsItsCitations() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeFoundry fake = FakeFoundry.start()) {
            new GroundedStep().run(new Tour(fake.client(), fake, new PrintStream(out, true, StandardCharsets.UTF_8)));

            assertThat(fake.agents().liveConversations()).isZero();
            assertThat(fake.agents().agentCount()).isZero();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("answer:     The Foundry Agent Service retires")
                .contains("source:     Migrate to the new Agent Service <https://learn.microsoft.com/")
                .contains("searched:   When does the classic")
                .contains(": completed");
    }
}
