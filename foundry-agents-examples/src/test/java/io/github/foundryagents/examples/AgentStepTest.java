package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgentStepTest {

    @Test
    void theTourShowsAnAgentUsingBothToolsAgainstTheFake() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FakeFoundry fake = FakeFoundry.start()) {
            new AgentStep().run(new Tour(fake::clientBuilder, fake, new PrintStream(bytes, true, StandardCharsets.UTF_8)));

            assertThat(fake.journal().chatRequests()).hasSize(2);
            assertThat(fake.journal().last().toolResults()).hasSize(2);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("turn 1 calls search_database {\"query\":\"late\"}")
                .contains("turn 1 calls fetch_external_data")
                .contains("search_database -> SUCCESS")
                .contains("\"id\":\"o-7\"").contains("\"id\":\"o-9\"")
                .contains("fetch_external_data -> SUCCESS")
                .contains("answer:      Two orders are late, o-7 (ACME) and o-9 (Globex), both with DHL, which reports:"
                        + " {\"carrier\":\"DHL\",\"status\":\"delayed at hub\",\"delayDays\":2}")
                .contains("iterations:  2, deployments: [gpt-4o]");
    }
}
