package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CostControlStepTest {

    @Test
    void routesCachesAndReportsUsageAgainstTheFake() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FakeFoundry fake = FakeFoundry.start()) {
            new CostControlStep().run(new Tour(fake::clientBuilder, fake, new PrintStream(bytes, true, StandardCharsets.UTF_8)));

            assertThat(fake.journal().chatRequests()).hasSize(2);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .anySatisfy(l -> assertThat(l).contains("answered by gpt-4o-mini (simple prompt"))
                .anySatisfy(l -> assertThat(l).contains("answered by gpt-4o (complex prompt"))
                .anySatisfy(l -> assertThat(l).contains("cached   by gpt-4o-mini"))
                .anySatisfy(l -> assertThat(l).contains("this month: 2 calls to Azure").contains(" USD"));
    }
}
